import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { linksOfAide, linksOfAidant } from './links';
import { isAdult, MAX_AIDANTS_PER_AIDE } from './rules';

/**
 * AID-1..3 « Mes aidants »: the holder's own profile, its aidants and invitations, and whether one more may be
 * invited. Null when the account has no own open profile to share (closed, or representing children only).
 */
export async function myAidants(db: Db, actor: PatientActor, now: Date) {
  if (!actor.ownProfileId) return null;
  const profile = await findProfileTarget(db, actor.ownProfileId);
  if (!authorize(actor, 'privacy.manage', { profile: profile.target }).allowed) return null;
  const adult = isAdult(profile.birth_date, parisIsoDay(now));
  const links = await linksOfAide(db, profile.id, now);
  const open = links.filter((l) => l.status === 'PENDING' || l.status === 'ACCEPTED').length;
  return { profileId: profile.id, adult, links, open, mayInvite: adult && open < MAX_AIDANTS_PER_AIDE };
}

/** AID-3, AID-6 « Personnes que j’aide »: invitations waiting for an answer, people helped now, past links. */
export async function peopleIHelp(db: Db, actor: PatientActor, now: Date) {
  const links = await linksOfAidant(db, actor.accountId, now);
  const live = new Set(actor.aidedProfileIds ?? []);
  return {
    pending: links.filter((l) => l.status === 'PENDING'),
    // AID-6: an accepted link whose aidé is suspended shows, paused (no access until the suspension is lifted).
    current: links.filter((l) => l.status === 'ACCEPTED').map((l) => ({ ...l, live: live.has(l.profileId) })),
    past: links.filter((l) => l.status !== 'PENDING' && l.status !== 'ACCEPTED'),
  };
}
