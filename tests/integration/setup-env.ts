import { inject } from 'vitest';
import { TEST_SECRETS } from '../support/test-env';

/** Imported first by every integration test: points lib/config at this run's database and Redis. */
process.env.DATABASE_URL = inject('databaseUrl');
process.env.REDIS_URL = inject('redisUrl');
process.env.QUEUE_PREFIX = inject('queuePrefix');
Object.assign(process.env, TEST_SECRETS);
delete process.env.SMTP_URL;
