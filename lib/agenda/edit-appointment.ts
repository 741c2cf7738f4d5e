import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { inTransaction } from './agenda-rows';
import type { AppointmentInput } from './rules';

type Change = { kind: 'edit'; input: AppointmentInput } | { kind: 'delete' };

/** AGD-2: what the patient side is told about an appointment from a catalogue service. */
export const readOnlyMessage = (service: string | null) =>
  `Ce rendez-vous vient du service ${service ?? 'connecté'} : modifiez-le dans ce service.`;

/**
 * AGD-1: the patient side changes or deletes an appointment of the profile. AGD-2: one from a catalogue
 * service (EDITOR_SOLUTION) is refused with the service's name. The row is locked, checked and changed
 * in one transaction; a refusal is traced like the change (AUD-1).
 */
async function changeAppointment(db: Db, actor: Actor, profileId: string, appointmentId: string, change: Change, now: Date): Promise<void> {
  const action = change.kind === 'edit' ? 'agenda.appointment.edit' : 'agenda.appointment.delete';
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', profileId, action, now);
  const target = { type: 'appointment', id: appointmentId };
  const outcome = await inTransaction(db, async (trx: Transaction<DB>) => {
    const row = await trx.selectFrom('appointments').select(['id', 'source', 'service_id']).where('id', '=', appointmentId)
      .where('profile_id', '=', profile.id).forUpdate().executeTakeFirst();
    if (!row) return { refused: 'not-found' as const };
    if (row.source === 'EDITOR_SOLUTION') {
      const service = row.service_id
        ? await trx.selectFrom('connected_services').select('name').where('id', '=', row.service_id).executeTakeFirst() : undefined;
      return { refused: 'editor-solution' as const, service: service?.name ?? null };
    }
    if (change.kind === 'edit') {
      const { title, startsAt, place, note } = change.input;
      await trx.updateTable('appointments').set({ title, starts_at: startsAt, place, note, updated_at: now }).where('id', '=', row.id).execute();
    } else {
      await trx.deleteFrom('appointments').where('id', '=', row.id).execute();
    }
    await recordAccess(trx, { actor, action, profileId: profile.id, target, at: now });
    return { refused: null };
  });
  if (!outcome.refused) return;
  await recordAccess(db, { actor, action, profileId: profile.id, target, denied: outcome.refused, at: now });
  if (outcome.refused === 'not-found') throw new NotFoundError('Rendez-vous');
  throw new ValidationError('appointment.read-only', readOnlyMessage(outcome.service ?? null));
}

export function editAppointment(db: Db, actor: Actor, input: AppointmentInput & { profileId: string; appointmentId: string }, now: Date) {
  const { profileId, appointmentId, ...fields } = input;
  return changeAppointment(db, actor, profileId, appointmentId, { kind: 'edit', input: fields }, now);
}

export function deleteAppointment(db: Db, actor: Actor, input: { profileId: string; appointmentId: string }, now: Date) {
  return changeAppointment(db, actor, input.profileId, input.appointmentId, { kind: 'delete' }, now);
}
