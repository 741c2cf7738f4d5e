// Local OpenID Connect provider playing "Pro Santé Connect" (dev, demo, tests).
//
//   npx tsx lib/dev/pro-sante-connect/server.ts      (or: npm run psc)
//
// Environment variables: see ./config.ts. Discovery document:
// http://localhost:9100/.well-known/openid-configuration
//
// Listens on the loopback interfaces only (127.0.0.1 and, when available, ::1),
// so that both "localhost" and "127.0.0.1" reach it.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { loadConfig, type ConfigOverrides } from './config';
import { handleInteraction } from './interactions';
import { createProvider } from './provider';

export interface ProSanteConnectHandle {
  /** Issuer URL, e.g. http://localhost:9100 */
  url: string;
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startProSanteConnect(
  opts: ConfigOverrides = {},
): Promise<ProSanteConnectHandle> {
  const config = loadConfig(opts);

  // The issuer depends on the actual port (port 0 = random), so the provider is
  // created once the IPv4 socket is bound.
  let handler: Handler = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const ipv4 = createServer((req, res) => handler(req, res));
  await listen(ipv4, config.port, '127.0.0.1');
  const port = (ipv4.address() as AddressInfo).port;

  const ipv6 = createServer((req, res) => handler(req, res));
  await listen(ipv6, port, '::1').catch(() => undefined); // no IPv6 loopback: IPv4 only

  const url = config.issuer ?? `http://localhost:${port}`;
  const provider = createProvider(config, url);
  provider.on('server_error', (_ctx, error) => console.error('[psc] erreur serveur', error));
  const callback = provider.callback();

  handler = (req, res) => {
    handleInteraction(provider, req, res)
      .then((handled) => {
        if (!handled) callback(req, res);
      })
      .catch((error: unknown) => {
        console.error('[psc] erreur', error);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };

  return {
    url,
    close: async () => {
      await Promise.all([closeServer(ipv4), closeServer(ipv6)]);
    },
  };
}

function isRunDirectly(): boolean {
  return /pro-sante-connect[\\/]server\.ts$/.test(process.argv[1] ?? '');
}

if (isRunDirectly()) {
  startProSanteConnect()
    .then((psc) => {
      console.log(`Pro Santé Connect (local) prêt sur ${psc.url}`);
      const stop = () => {
        psc.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    })
    .catch((error: unknown) => {
      console.error('Pro Santé Connect (local) : démarrage impossible', error);
      process.exit(1);
    });
}
