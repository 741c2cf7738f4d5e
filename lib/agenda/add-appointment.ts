import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { accountOf, inTransaction } from './agenda-rows';
import type { AppointmentInput } from './rules';

/**
 * AGD-1: the holder, a representative (REP-5) or an aidant (AID-4, like any patient-side entry) notes an
 * appointment; source PATIENT. There is no booking (AGD-3): it is a note in the profile. Stored and traced
 * `agenda.appointment.add` in one transaction; a refused actor is traced and refused by the policy.
 */
export async function addAppointment(db: Db, actor: Actor, input: AppointmentInput & { profileId: string }, now: Date): Promise<{ appointmentId: string }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'agenda.appointment.add', now);
  return inTransaction(db, async (trx) => {
    const { id } = await trx.insertInto('appointments').values({
      profile_id: profile.id, title: input.title, starts_at: input.startsAt, place: input.place, note: input.note,
      source: 'PATIENT', service_id: null, created_by_account: accountOf(actor), created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'agenda.appointment.add', profileId: profile.id, target: { type: 'appointment', id }, at: now });
    return { appointmentId: id };
  });
}
