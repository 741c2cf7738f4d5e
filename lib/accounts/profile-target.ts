import type { Db } from '@/db/client';
import type { ProfileTarget } from '@/lib/access/policy';
import { NotFoundError } from '@/lib/errors';

/** A profile as the access policy sees it (state, holder account), with the fields use cases need. */
export async function findProfileTarget(db: Db, profileId: string) {
  const row = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.nir', 'profiles.kind', 'profiles.birth_date', 'profiles.first_names',
      'profiles.email', 'accounts.id as holder', 'accounts.email as holder_email'])
    .where('profiles.id', '=', profileId).executeTakeFirst();
  if (!row) throw new NotFoundError('Profil');
  const target: ProfileTarget = { id: row.id, state: row.state, holderAccountId: row.holder };
  return { ...row, firstName: row.first_names.split(' ')[0] ?? '', target };
}
