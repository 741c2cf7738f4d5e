import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type DeliveredMail = { to: string[]; subject: string; text: string; receivedAt: number };

/**
 * The real SMTP server of the browser tests, run in Playwright's runner process: each accepted
 * message is written as JSON into `dir`, where the test workers (other processes) read it.
 */
export async function startMailSink(dir: string) {
  mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      simpleParser(stream).then((mail) => {
        const item: DeliveredMail = {
          to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()), subject: mail.subject ?? '', text: mail.text ?? '', receivedAt: Date.now(),
        };
        writeFileSync(path.join(dir, `${item.receivedAt}-${++count}.json`), JSON.stringify(item));
        callback();
      }, (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
