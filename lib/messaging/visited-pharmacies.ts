import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensurePatientSide } from './patient-side';
import { isVisitedPharmacy } from './rules';

export type VisitedPharmacy = { finess: string; name: string; city: string; lastDispensation: string };

/** The calendar date of an instant in Europe/Paris (YYYY-MM-DD). */
export const parisDate = (now: Date) => now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/**
 * The facts of MSG-3(b) for one profile: each pharmacy that dispensed a reimbursed line to it, with its
 * mailbox flag and the latest dispensation date; the rule decides (isVisitedPharmacy).
 */
export async function visitedPharmacyFacts(db: Db, profileId: string, now: Date): Promise<VisitedPharmacy[]> {
  const rows = await db.selectFrom('care_episodes as e').innerJoin('pharmacies as ph', 'ph.finess', 'e.dispenser_finess')
    .select(['ph.finess', 'ph.name', 'ph.city', 'ph.organisational_mailbox'])
    .select(sql<string>`to_char(max(e.care_date), 'YYYY-MM-DD')`.as('last_dispensation'))
    .where('e.profile_id', '=', profileId)
    .groupBy(['ph.finess', 'ph.name', 'ph.city', 'ph.organisational_mailbox']).execute();
  const today = parisDate(now);
  return rows.filter((r) => isVisitedPharmacy({ organisationalMailbox: r.organisational_mailbox, lastDispensation: r.last_dispensation }, today))
    .map((r) => ({ finess: r.finess, name: r.name, city: r.city, lastDispensation: r.last_dispensation }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** MSG-3(b) « Pharmacies déjà fréquentées »: the pharmacies this profile may write to (patient side, through the gate). */
export async function visitedPharmacies(db: Db, actor: Actor, profileId: string, now: Date): Promise<VisitedPharmacy[]> {
  await ensurePatientSide(db, actor, 'message.read', profileId, 'message.read', now);
  return visitedPharmacyFacts(db, profileId, now);
}
