import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { profileTargetFor } from '@/lib/accounts/profile-target';
import { clock } from '@/lib/clock';
import { AccessDeniedError } from '@/lib/errors';
import { whyThisMessage, type MessageCriteria } from './rules';
import { isOptedOut } from './opt-out';
import { whyTextsInForce, type WhyTexts } from './why-texts';

export type PreventionMessageView = { id: string; title: string; body: string; createdAt: Date; readAt: Date | null; why: string[] };

/** PRV-9: the patient side reads a profile's prevention messages (holder, representatives, aidants: notifications.read). */
async function gate(db: Db, actor: Actor, profileId: string) {
  const target = await profileTargetFor(db, actor, profileId);
  const decision = authorize(actor, 'notifications.read', { profile: target });
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  return target;
}

const base = (db: Db, profileId: string) => db.selectFrom('prevention_messages as m')
  .innerJoin('prevention_campaigns as c', 'c.id', 'm.campaign_id')
  .select(['m.id', 'c.title', 'c.body', 'm.created_at', 'm.read_at', 'm.criteria'])
  .where('m.profile_id', '=', profileId);

/** PRV-7, BO-7: « Pourquoi ce message ? » in the words of the text version in force when it is read. */
const view = (texts: WhyTexts) => (r: { id: string; title: string; body: string; created_at: Date; read_at: Date | null; criteria: Record<string, unknown> }): PreventionMessageView =>
  ({ id: r.id, title: r.title, body: r.body, createdAt: r.created_at, readAt: r.read_at, why: whyThisMessage(r.criteria as MessageCriteria, texts) });

/** The home card: the latest unread prevention message, if any. */
export async function latestUnreadPreventionMessage(db: Db, actor: Actor, profileId: string, now: Date = clock.now()): Promise<PreventionMessageView | null> {
  await gate(db, actor, profileId);
  const row = await base(db, profileId).where('m.read_at', 'is', null).orderBy('m.created_at', 'desc').limit(1).executeTakeFirst();
  return row ? view(await whyTextsInForce(db, now))(row) : null;
}

/** The « Prévention » section: every message, newest first, and the opt-out state and who may change it (PRV-8). */
export async function preventionSection(db: Db, actor: Actor, profileId: string, now: Date = clock.now()) {
  const profile = await gate(db, actor, profileId);
  const [rows, optedOut, texts] = await Promise.all([base(db, profileId).orderBy('m.created_at', 'desc').limit(100).execute(), isOptedOut(db, profileId), whyTextsInForce(db, now)]);
  return { messages: rows.map(view(texts)), optedOut, mayChange: authorize(actor, 'prevention.manage', { profile }).allowed };
}

/** Opening the section marks its messages read (the home card then shows nothing new). */
export async function markPreventionMessagesRead(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  await gate(db, actor, profileId);
  await db.updateTable('prevention_messages').set({ read_at: now }).where('profile_id', '=', profileId).where('read_at', 'is', null).execute();
}
