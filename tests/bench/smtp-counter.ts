/** A counting SMTP server in its own process (so the sender measured does not share its CPU time slice). */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let total = 0;
const server = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => { total++; callback(); });
  },
});
server.listen(0, '127.0.0.1', () => {
  process.send?.({ port: (server.server.address() as AddressInfo).port });
});
process.on('message', (m) => { if (m === 'count') process.send?.({ total }); });
