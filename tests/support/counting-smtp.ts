import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server that only counts what it accepts, per recipient (no parsing: 10 000 messages
 * stay cheap). `stall()` keeps every further message waiting for its "250" (the data is in, the
 * answer never comes), as a server would when its client dies at the worst moment.
 */
export type CountingSmtp = {
  url: string;
  total(): number;
  countsByRecipient(): Map<string, number>;
  stall(): void;
  close(): Promise<void>;
};

export async function startCountingSmtp(): Promise<CountingSmtp> {
  const counts = new Map<string, number>();
  let total = 0;
  let stalled = false;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, size: 1024 * 1024,
    onData(stream, session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        for (const r of session.envelope.rcptTo) counts.set(r.address.toLowerCase(), (counts.get(r.address.toLowerCase()) ?? 0) + 1);
        total++;
        if (!stalled) callback();
      });
    },
  });
  server.on('error', () => {}); // a client killed mid-session resets its connection
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    total: () => total,
    countsByRecipient: () => counts,
    stall: () => { stalled = true; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
