import type { Db } from '@/db/client';
import { normalizeNir } from '@/lib/identity/nir';

/** REP-3/REP-4: an adult with an ACTIVATED account, identified by NIR and date of birth. */
export async function findActivatedAccount(db: Db, nir: string, birthDate: string) {
  let normalized: string;
  try { normalized = normalizeNir(nir); } catch { return undefined; }
  return db.selectFrom('accounts').innerJoin('profiles', 'profiles.id', 'accounts.profile_id')
    .select(['accounts.id', 'accounts.email', 'profiles.first_names', 'profiles.birth_name'])
    .where('profiles.nir', '=', normalized).where('profiles.birth_date', '=', birthDate).where('profiles.state', '=', 'ACTIVE')
    .executeTakeFirst();
}

/** REP-5: active representatives and open invitations of a profile (locked: decisions on them are serialized). */
export async function seatsTaken(db: Db, profileId: string, now: Date): Promise<{ active: { account_id: string }[]; open: number; courtRevoked: string[] }> {
  await db.selectFrom('profiles').select('id').where('id', '=', profileId).forUpdate().execute();
  const reps = await db.selectFrom('representations').select(['account_id', 'revoked_at', 'revoked_reason']).where('profile_id', '=', profileId).execute();
  const open = await db.selectFrom('representative_invitations').select('id')
    .where('profile_id', '=', profileId).where('status', '=', 'PENDING').where('expires_at', '>', now).execute();
  return {
    active: reps.filter((r) => !r.revoked_at),
    open: open.length,
    courtRevoked: reps.filter((r) => r.revoked_reason === 'COURT').map((r) => r.account_id),
  };
}
