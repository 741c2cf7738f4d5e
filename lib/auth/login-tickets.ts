import type { Kysely, Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { Audience, DB } from '@/db/schema';
import { hashSecret, randomToken } from './secrets';

/**
 * Hand-off from our own password + OTP checks to next-auth: a one-minute, single-use ticket that
 * the credentials provider redeems. The checks (and their French errors) stay in lib/auth.
 */
export async function issueTicket(trx: Transaction<DB> | Kysely<DB>, audience: Audience, subjectId: string, now: Date): Promise<string> {
  const token = randomToken();
  await trx.insertInto('login_tickets').values({
    token_hash: hashSecret(`ticket:${token}`), audience, subject_id: subjectId, expires_at: new Date(now.getTime() + 60_000),
  }).execute();
  return token;
}

export async function redeemTicket(db: Db, token: string, now: Date): Promise<{ audience: Audience; subjectId: string } | null> {
  const row = await db.updateTable('login_tickets').set({ used_at: now })
    .where('token_hash', '=', hashSecret(`ticket:${token}`)).where('used_at', 'is', null).where('expires_at', '>', now)
    .returning(['audience', 'subject_id']).executeTakeFirst();
  return row ? { audience: row.audience as Audience, subjectId: row.subject_id } : null;
}
