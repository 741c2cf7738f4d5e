import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import type { ProContext } from '@/lib/access/document-access';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess } from '@/lib/audit/record-access';
import { privacyOf } from '@/lib/confidentiality/settings';
import { AccessDeniedError } from '@/lib/errors';
import { isCareCategory } from './categories';
import { groupByYear } from './group-by-year';

export const EPISODES_PAGE_SIZE = 100;

/** A keyset cursor on (care_date, id), newest first: "2026-03-03~<uuid>". */
const CURSOR = /^(\d{4}-\d{2}-\d{2})~([0-9a-f-]{36})$/i;

/**
 * Mon histoire de santé of one profile (HIS-1, HIS-2), newest first, filtered by category, in keyset
 * pages. The policy decides (`care-history.read`): the patient side (holder, representatives REP-5,
 * aidants AID-4); a professional under HIS-4/HIS-5 with the context its use case established (`pro`);
 * never advisors (FS-4) nor staff. A refusal is traced; so is every read by someone else than the
 * patient side (AUD-1), like the other patient pages whose own reads are not traced one by one.
 */
export async function listCareEpisodes(db: Db, actor: Actor, profileId: string,
  filters: { category?: string; after?: string }, now: Date, pro?: ProContext) {
  const profile = await findProfileTarget(db, profileId);
  let target: Parameters<typeof authorize>[2] = { profile: profile.target };
  if (actor.kind === 'PROFESSIONAL') {
    const row = await db.selectFrom('profiles').select('activated_at').where('id', '=', profileId).executeTakeFirstOrThrow();
    target = { ...target, pro, privacy: await privacyOf(db, profileId), careHistory: { activatedAt: row.activated_at, now } };
  }
  const decision = authorize(actor, 'care-history.read', target);
  const trace = { actor, action: 'care-history.read', profileId, at: now, mode: pro?.mode, channel: actor.kind === 'PROFESSIONAL' ? 'PRO' as const : 'WEB' as const };
  if (!decision.allowed) {
    await recordAccess(db, { ...trace, decision });
    throw new AccessDeniedError(decision.reason);
  }
  if (actor.kind !== 'PATIENT') await recordAccess(db, trace);

  const category = isCareCategory(filters.category) ? filters.category : undefined;
  const cursor = filters.after ? CURSOR.exec(filters.after) : null;
  let query = db.selectFrom('care_episodes')
    .select(['id', 'care_date as careDate', 'category', 'label', 'prescriber_specialty as prescriberSpecialty'])
    // HIS-7: already copied into the profil médical (the patient side shows it instead of the button).
    .select((eb) => eb.exists(eb.selectFrom('medical_entries as m').select('m.id').where('m.profile_id', '=', profileId)
      .whereRef('m.source_episode_id', '=', 'care_episodes.id')).as('copied'))
    .where('profile_id', '=', profileId);
  if (category) query = query.where('category', '=', category);
  if (cursor) {
    const [, day, id] = cursor;
    query = query.where((eb) => eb.or([eb('care_date', '<', day!), eb.and([eb('care_date', '=', day!), eb('id', '<', id!)])]));
  }
  const rows = await query.orderBy('care_date', 'desc').orderBy('id', 'desc').limit(EPISODES_PAGE_SIZE + 1).execute();
  const page = rows.slice(0, EPISODES_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    profile: { id: profile.id, firstName: profile.firstName, own: actor.kind === 'PATIENT' && actor.ownProfileId === profile.id },
    category,
    years: groupByYear(page),
    next: rows.length > EPISODES_PAGE_SIZE && last ? `${last.careDate}~${last.id}` : undefined,
  };
}
