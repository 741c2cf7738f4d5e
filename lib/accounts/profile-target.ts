import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import type { ProfileTarget } from '@/lib/access/policy';
import { listAccessibleProfiles } from './accessible-profiles';
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

/**
 * Only the policy's view of a profile, for gates that need nothing more. A patient's own and represented
 * profiles are already in the page's profile list (read once per request with the menu, React `cache`):
 * taken from there, one query less per page. Anyone else, or any other id: read.
 */
export async function profileTargetFor(db: Db, actor: Actor, profileId: string): Promise<ProfileTarget> {
  if (actor.kind === 'PATIENT' && (actor.ownProfileId === profileId || actor.representedProfileIds.includes(profileId))) {
    const listed = (await listAccessibleProfiles(db, actor)).find((p) => p.id === profileId);
    if (listed) return { id: listed.id, state: listed.state, holderAccountId: listed.holderAccountId };
  }
  return (await findProfileTarget(db, profileId)).target;
}
