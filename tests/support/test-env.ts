import { randomBytes } from 'node:crypto';

/** Environment shared by every test suite of one run: fresh database name, own queue prefix, secrets. */
export function testRunId(): string {
  return process.env.MES_TEST_RUN ?? `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export const TEST_SECRETS = {
  AUTH_SECRET: 'test-secret-for-the-test-suite-only-0123456789',
  DOCUMENT_MASTER_KEY: 'dGVzdC1tYXN0ZXIta2V5LWZvci10aGUtc3VpdGUtMDE=',
  NODE_ENV: 'test',
} as const;
