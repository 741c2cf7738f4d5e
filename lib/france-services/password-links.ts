import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { hashSecret, randomToken } from '@/lib/auth/secrets';
import { config } from '@/lib/config';
import { enqueue } from '@/lib/queue/outbox';
import { passwordLinkExpiry } from './advisor-rules';

type Trx = Transaction<DB> | Kysely<DB>;

/** Links are stored only as keyed hashes (DESIGN.md "Secrets"); the clear token travels sealed in the outbox. */
export const hashPasswordLinkToken = (token: string) => hashSecret(`staff-password:${token}`);

/** The page the emailed link opens (the token rides in the query string, `jeton`). */
export const PASSWORD_LINK_PATH = '/accompagnement/connexion/mot-de-passe';

/**
 * FS-1: a new single-use « choisir votre mot de passe » link for an advisor, valid 72 hours; it voids the
 * advisor's older unused links and is emailed through the outbox (« Votre compte conseiller France Services »).
 */
export async function sendPasswordLink(trx: Trx, input: {
  staffId: string; email: string; displayName: string; siteName: string; purpose: 'INVITE' | 'RESET'; createdBy: string | null;
}, now: Date): Promise<void> {
  await voidPasswordLinks(trx, input.staffId, now);
  const token = randomToken();
  const expiresAt = passwordLinkExpiry(now);
  await trx.insertInto('staff_password_tokens').values({
    staff_id: input.staffId, token_hash: hashPasswordLinkToken(token), purpose: input.purpose, created_by: input.createdBy,
    created_at: now, expires_at: expiresAt, used_at: null, voided_at: null,
  }).execute();
  await enqueue(trx, {
    kind: 'email',
    message: { template: 'advisor-account', to: input.email, data: {
      name: input.displayName, siteName: input.siteName, identifiant: input.email, purpose: input.purpose === 'INVITE' ? 'invite' : 'reset',
      appUrl: config().APP_URL, expiresAt: expiresAt.toISOString(),
    } },
    secrets: { token },
  });
}

/** Every unused link of one advisor stops working (a newer link, a deactivation). */
export async function voidPasswordLinks(trx: Trx, staffId: string, now: Date): Promise<void> {
  await trx.updateTable('staff_password_tokens').set({ voided_at: now })
    .where('staff_id', '=', staffId).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
}
