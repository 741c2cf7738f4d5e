import type { Db } from '@/db/client';
import type { VisitActionKind, VisitRelation } from '@/db/schema';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { authorize } from '@/lib/access/policy';
import { confirmContactChange, removeMobile } from '@/lib/accounts/change-contact';
import { maskedContact, type ContactChannel } from '@/lib/accounts/contact-rules';
import { reissueCode, type CodeSent } from '@/lib/accounts/reissue-code';
import { ValidationError } from '@/lib/errors';
import { SWITCHABLE_KINDS } from '@/lib/notifications/kinds';
import { setNotificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { closeProfile, requestDeletion } from '@/lib/closure/close-profile';
import { recordOppositions } from '@/lib/oppositions/oppose';
import { ensureInVisit, type AdvisorInVisit } from './guard';

/** What the advisor sees of a covered profile: civil status and state, never medical content (FS-4). */
export type VisitProfile = {
  id: string; relation: VisitRelation; firstNames: string; birthName: string; birthDate: string; state: ProfileState;
  activated: boolean; oppositionDeadline: string | null;
};

/** FS-2, FS-4: the profiles of the visit, as the policy lets an advisor see them (administrative only). */
export async function visitProfiles(db: Db, actor: AdvisorInVisit): Promise<VisitProfile[]> {
  const rows = await db.selectFrom('assisted_visit_profiles as v').innerJoin('profiles as p', 'p.id', 'v.profile_id')
    .leftJoin('accounts as a', 'a.profile_id', 'p.id')
    .select(['p.id', 'v.relation', 'p.first_names', 'p.birth_name', 'p.birth_date', 'p.state', 'p.opposition_deadline', 'a.id as account_id'])
    .where('v.visit_id', '=', actor.visit.id).orderBy('v.relation', 'desc').orderBy('p.birth_date').execute();
  return rows.filter((r) => authorize(actor, 'profile.admin.read', { profile: { id: r.id, state: r.state, holderAccountId: r.account_id } }).allowed)
    .map((r) => ({ id: r.id, relation: r.relation, firstNames: r.first_names, birthName: r.birth_name, birthDate: r.birth_date, state: r.state,
      activated: r.account_id !== null, oppositionDeadline: r.opposition_deadline }));
}

/** The summary's list (FS-3); written once the change and its ASSISTED trace have committed. */
async function logAction(db: Db, actor: AdvisorInVisit, profileId: string, kind: VisitActionKind, detail: string, at: Date, reference: string | null = null) {
  await db.insertInto('assisted_visit_actions').values({ visit_id: actor.visit.id, profile_id: profileId, kind, detail, reference, at }).execute();
}

const CHANNEL_LABELS = { EMAIL: 'courriel', SMS: 'SMS', PUSH: 'application mobile' } as const;

/**
 * FS-3, NOT-1: the person's notification switches, changed on the advisor's screen with the person present.
 * Reuses the patient's use case (the policy lets the advisor in through the visit); each channel's save
 * is traced ASSISTED with advisor and site in its transaction (FS-5).
 */
export async function changeNotificationsInVisit(db: Db, actor: AdvisorInVisit, switches: Record<keyof typeof CHANNEL_LABELS, ChannelSwitches>, now: Date): Promise<void> {
  for (const channel of Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]) {
    await setNotificationPreferences(db, actor, { channel, enabled: switches[channel] }, now);
  }
  const off = (Object.keys(CHANNEL_LABELS) as (keyof typeof CHANNEL_LABELS)[]).flatMap((channel) =>
    (Object.keys(SWITCHABLE_KINDS) as (keyof typeof SWITCHABLE_KINDS)[]).filter((k) => !switches[channel][k]).map((k) => `${SWITCHABLE_KINDS[k]} (${CHANNEL_LABELS[channel]})`));
  await logAction(db, actor, actor.visit.personProfileId, 'NOTIFICATIONS',
    off.length ? `Notifications désactivées : ${off.join(' ; ')}.` : 'Toutes les notifications sont activées.', now);
}

/** FS-3, CMP-8: a new code provisoire for a covered profile awaiting activation (reuses BO-3's use case). */
export async function sendCodeInVisit(db: Db, actor: AdvisorInVisit, profileId: string, now: Date): Promise<CodeSent> {
  const sent = await reissueCode(db, actor, profileId, now);
  await logAction(db, actor, profileId, 'NEW_CODE', `Envoyé ${sent.channel === 'EMAIL' ? 'par courriel à' : 'par SMS au'} ${sent.to}.`, now);
  return sent;
}

/**
 * FS-3, OPP-2, OPP-4, OPP-5: an opposition in the window for the person or a covered child, channel
 * FRANCE_SERVICES, one receipt each (OPP-6) to print. A profile already created is refused (OPP-8).
 */
export async function opposeInVisit(db: Db, actor: AdvisorInVisit, profileIds: string[], now: Date): Promise<string[]> {
  const ids = [...new Set(profileIds)];
  if (ids.length === 0) throw new ValidationError('opposition.none', 'Cochez au moins une personne.', 'profils');
  for (const id of ids) await ensureInVisit(db, actor, 'profile.oppose.record', id, 'profile.oppose', now);
  const oppositions = await recordOppositions(db, actor, ids, { channel: 'FRANCE_SERVICES', postmarkDate: null, recordedBy: actor.staffId }, now);
  for (const [i, id] of ids.entries()) await logAction(db, actor, id, 'OPPOSITION', 'Récépissé remis en main propre.', now, oppositions[i]!);
  return oppositions;
}

/** OPP-6: a receipt of this visit (never one of another visit, whatever the id typed). */
export async function visitReceipt(db: Db, actor: AdvisorInVisit, oppositionId: string): Promise<boolean> {
  const row = await db.selectFrom('assisted_visit_actions').select('id')
    .where('visit_id', '=', actor.visit.id).where('kind', '=', 'OPPOSITION').where('reference', '=', oppositionId).executeTakeFirst();
  return row !== undefined;
}

/**
 * FS-3: the person's new email or mobile, confirmed by the code sent to it that the person types on the
 * advisor's screen (« Mes coordonnées »' use case: traced ASSISTED with advisor and site, NOT-4 notice).
 */
export async function confirmContactInVisit(db: Db, actor: AdvisorInVisit, input: { channel: ContactChannel; challengeId: string; otp: string }, now: Date) {
  const done = await confirmContactChange(db, actor, input, now);
  await logAction(db, actor, actor.visit.personProfileId, 'CONTACT',
    input.channel === 'EMAIL' ? `Nouvelle adresse électronique : ${maskedContact('EMAIL', done.value)}.` : `Nouveau numéro de mobile : ${maskedContact('MOBILE', done.value)}.`, now);
  return done;
}

/** FS-3: the person's mobile removed (no more SMS). */
export async function removeMobileInVisit(db: Db, actor: AdvisorInVisit, now: Date): Promise<void> {
  await removeMobile(db, actor, now);
  await logAction(db, actor, actor.visit.personProfileId, 'CONTACT', 'Numéro de mobile retiré.', now);
}

/**
 * FS-3, CLO-2, CLO-3: the person asks, on the advisor's screen, to close their profile or a covered child's,
 * optionally with the deletion of the data (CLO-5). The closure's own use case decides (policy, lifecycle) and
 * traces it ASSISTED; CLO-8: closing the person's profile never closes the children's.
 */
export async function closeInVisit(db: Db, actor: AdvisorInVisit, input: { profileId: string; deleteData: boolean }, now: Date): Promise<void> {
  await closeProfile(db, actor, input, now);
  await logAction(db, actor, input.profileId, 'CLOSURE',
    input.deleteData ? 'Profil fermé, avec la suppression des données demandée.' : 'Profil fermé ; données conservées 10 ans.', now);
}

/** FS-3, CLO-5: the deletion of a closed profile's archived data, asked by the person present. */
export async function requestDeletionInVisit(db: Db, actor: AdvisorInVisit, profileId: string, now: Date): Promise<void> {
  await requestDeletion(db, actor, profileId, now);
  await logAction(db, actor, profileId, 'DELETION', 'Suppression des données demandée (effacement sous 30 jours).', now);
}
