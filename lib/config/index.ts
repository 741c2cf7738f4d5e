import { z } from 'zod';

/**
 * All configuration comes from the environment, read once and validated here (DESIGN.md).
 * Defaults make the demo run without any `.env`; production must set the secrets.
 */
const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/mes'),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  APP_URL: z.string().url().default('http://localhost:3000'),
  AUTH_SECRET: z.string().min(32).optional(),
  /** Pepper for hashing codes provisoires and OTPs; defaults to AUTH_SECRET. */
  CODE_PEPPER: z.string().min(16).optional(),
  SMTP_URL: z.string().optional(),
  /** CMP-8: SMS gateway (JSON POST { to, text }); unset → SMS land in the demo mailbox. */
  SMS_URL: z.string().url().optional(),
  /** NOT-1, NOT-7: notification SMS and push providers (lib/notifications/channels); `sink` keeps them for the back-office. */
  SMS_PROVIDER: z.enum(['sink']).default('sink'),
  PUSH_PROVIDER: z.enum(['sink']).default('sink'),
  MAIL_FROM: z.string().default('Mon espace santé <ne-pas-repondre@mon-espace-sante.localhost>'),
  QUEUE_PREFIX: z.string().default('{mes}'),
  /** Uploaded files (population imports) and, later, document blobs. Shared storage when multi-machine. */
  DATA_DIR: z.string().default('.data'),
  /**
   * DOC-13: the master key (32 bytes, base64) that wraps each document's own key. Required in
   * production; the demo derives one from AUTH_SECRET. Blobs go to DATA_DIR (local) or an S3 bucket.
   */
  DOCUMENT_MASTER_KEY: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, '32 octets en base64 attendus').optional(),
  STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().default('mes-documents'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Campaign sending: SMTP connections in parallel, and how long a claimed batch stays reserved. */
  CAMPAIGN_SMTP_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(8),
  CAMPAIGN_LEASE_MS: z.coerce.number().int().min(1000).default(120_000),
  CAMPAIGN_WATCHDOG_MS: z.coerce.number().int().min(500).default(15_000),
  PSC_ISSUER: z.string().url().default('http://localhost:9100'),
  PSC_CLIENT_ID: z.string().default('mes-local'),
  PSC_CLIENT_SECRET: z.string().default('mes-local-secret'),
  /**
   * Browser tests only: a scheduled job added with `{ at }` runs as if at that instant (AGD-5's 08:00
   * without waiting for a morning). Never set in production: the worker then ignores `at`.
   */
  WORKER_MOVABLE_CLOCK: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof schema> & { AUTH_SECRET: string; CODE_PEPPER: string };

/** Used only outside production so `npm start` works with no `.env`; the start script says so. */
const DEMO_SECRET = 'demo-secret-not-for-production-0123456789abcdef';

let cached: Config | undefined;

export function config(): Config {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration invalide / invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  if (!env.AUTH_SECRET && env.NODE_ENV === 'production') {
    throw new Error('AUTH_SECRET est obligatoire en production / AUTH_SECRET is required in production');
  }
  if (!env.DOCUMENT_MASTER_KEY && env.NODE_ENV === 'production') {
    throw new Error('DOCUMENT_MASTER_KEY est obligatoire en production / DOCUMENT_MASTER_KEY is required in production');
  }
  const authSecret = env.AUTH_SECRET ?? DEMO_SECRET;
  cached = { ...env, AUTH_SECRET: authSecret, CODE_PEPPER: env.CODE_PEPPER ?? authSecret };
  return cached;
}
