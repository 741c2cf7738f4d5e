import type { Db } from '@/db/client';
import type { PreventionItemStatus, PreventionProgramme } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { authorize } from '@/lib/access/policy';
import { NotFoundError } from '@/lib/errors';
import { refreshProfileItems } from './refresh-items';

export type PreventionItemView = {
  id: string;
  programme: PreventionProgramme;
  label: string;
  edition: string;
  note: string | null;
  mandatory: boolean;
  windowStart: string;
  windowEnd: string;
  status: PreventionItemStatus;
  statusSource: 'WINDOW' | 'USER' | 'REIMBURSEMENT' | 'VACCINATION';
};

export type ProfilePreventionItems = { profile: { id: string; firstName: string }; items: PreventionItemView[] };

/**
 * AGD-6: the « Examens médicaux et vaccinations à réaliser » of a profile, refreshed first (cheap, one
 * profile): the items to plan first (soonest closing first), then the others, latest first. Read under
 * 'profile.medical.read' like the agenda.
 */
export async function listPreventionItems(db: Db, actor: Actor, input: { profileId: string }, now: Date): Promise<ProfilePreventionItems> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', input.profileId, 'prevention.items.read', now);
  if (actor.kind !== 'PATIENT') await recordAccess(db, { actor, action: 'prevention.items.read', profileId: p.id, at: now });
  await refreshProfileItems(db, p.id, now);
  const rows = await db.selectFrom('prevention_items as i').innerJoin('prevention_calendar_items as c', 'c.id', 'i.calendar_item_id')
    .select(['i.id', 'c.programme', 'c.label', 'c.edition', 'c.note', 'c.status as calendarStatus', 'i.window_start', 'i.window_end', 'i.status', 'i.status_source'])
    .where('i.profile_id', '=', p.id).execute();
  const items = rows.map((r) => ({
    id: r.id, programme: r.programme, label: r.label, edition: r.edition, note: r.note, mandatory: r.calendarStatus === 'MANDATORY',
    windowStart: r.window_start, windowEnd: r.window_end, status: r.status, statusSource: r.status_source,
  }));
  const toPlan = items.filter((i) => i.status === 'TO_PLAN').sort((a, b) => a.windowEnd.localeCompare(b.windowEnd) || a.label.localeCompare(b.label));
  const others = items.filter((i) => i.status !== 'TO_PLAN').sort((a, b) => b.windowStart.localeCompare(a.windowStart) || a.label.localeCompare(b.label));
  return { profile: { id: p.id, firstName: p.firstName }, items: [...toPlan, ...others] };
}

/**
 * AGD-7: on the holder's own agenda, each represented child's items (shown under the child's first name,
 * « Suivi médical avant 18 ans »). A child the account may not read is left out (no refusal trace).
 */
export async function listChildrenPreventionItems(db: Db, actor: Actor, now: Date): Promise<ProfilePreventionItems[]> {
  if (actor.kind !== 'PATIENT') return [];
  const out: ProfilePreventionItems[] = [];
  for (const profileId of actor.representedProfileIds) {
    // A child profile the account may not read (closed, handed over...) is skipped without a refusal trace.
    const target = await findProfileTarget(db, profileId).catch((e) => (e instanceof NotFoundError ? null : Promise.reject(e)));
    if (!target || !authorize(actor, 'profile.medical.read', { profile: target.target }).allowed) continue;
    out.push(await listPreventionItems(db, actor, { profileId }, now));
  }
  return out;
}
