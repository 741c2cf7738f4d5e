import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server in the test process (no TLS, no auth) that keeps every accepted message, so tests
 * read the email a person would receive. `refuse` rejects recipients (550); `beforeAccept` runs after
 * DATA was read and before the server answers 250 (to slow the server down).
 */
export type ReceivedMail = {
  to: string[]; subject: string; text: string; html: string; outboxId: string | undefined; acceptedAt: number;
};

export type SmtpSink = {
  url: string;
  messages: ReceivedMail[];
  to(address: string): ReceivedMail[];
  refuse: (address: string) => boolean;
  beforeAccept: (to: string[]) => Promise<void>;
  /** Resolves when DATA starts for a message to `address`. */
  dataStarted(address: string): Promise<number>;
  close(): Promise<void>;
};

export async function startSmtpSink(): Promise<SmtpSink> {
  const waiting = new Map<string, (at: number) => void>();
  const sink: SmtpSink = {
    url: '',
    messages: [],
    to: (address) => sink.messages.filter((m) => m.to.includes(address.toLowerCase())),
    refuse: () => false,
    beforeAccept: async () => {},
    dataStarted: (address) => new Promise((resolve) => waiting.set(address.toLowerCase(), resolve)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (sink.refuse(address.address.toLowerCase())) {
        const error = Object.assign(new Error('Boîte aux lettres refusée (test)'), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
      for (const address of to) waiting.get(address)?.(Date.now());
      simpleParser(stream)
        .then(async (mail) => {
          await sink.beforeAccept(to);
          const outboxId = mail.headers.get('x-mes-outbox-id');
          sink.messages.push({
            to, subject: mail.subject ?? '', text: mail.text ?? '', html: typeof mail.html === 'string' ? mail.html : '',
            outboxId: typeof outboxId === 'string' ? outboxId : undefined, acceptedAt: Date.now(),
          });
          callback();
        })
        .catch((err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
