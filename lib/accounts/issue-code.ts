import type { Kysely, Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { codeExpiresAt, generateCodeProvisoire } from '@/lib/auth/codes';
import { hashSecret } from '@/lib/auth/secrets';

/** CMP-7: a new code provisoire (stored hashed, 42 days) voids the profile's older unused ones. */
export async function issueCode(trx: Transaction<DB> | Kysely<DB>, profileId: string, now: Date): Promise<{ code: string; expiresAt: Date }> {
  await trx.updateTable('activation_codes').set({ invalidated_at: now })
    .where('profile_id', '=', profileId).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
  const code = generateCodeProvisoire();
  const expiresAt = codeExpiresAt(now);
  await trx.insertInto('activation_codes')
    .values({ profile_id: profileId, code_hash: hashCode(code), issued_at: now, expires_at: expiresAt }).execute();
  return { code, expiresAt };
}

export const hashCode = (code: string) => hashSecret(`code:${code}`);
