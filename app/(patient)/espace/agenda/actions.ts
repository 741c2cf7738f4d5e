'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { getDb } from '@/db/client';
import { addAppointment } from '@/lib/agenda/add-appointment';
import { addReminder } from '@/lib/agenda/add-reminder';
import { deleteReminder } from '@/lib/agenda/delete-reminder';
import { deleteAppointment, editAppointment } from '@/lib/agenda/edit-appointment';
import { appointmentInput, reminderInput } from '@/lib/agenda/rules';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { runThenRedirect } from '../form-redirect';
import { agendaHref } from './links';

const ids = z.object({ profileId: z.uuid() });
const withAppointment = ids.extend({ appointmentId: z.uuid() });

async function target(form: FormData) {
  const actor = await requireAudience('patient');
  const { profileId } = ids.parse(Object.fromEntries(form));
  return { actor, profileId, own: actor.ownProfileId === profileId };
}

/** AGD-1: adds an appointment, then shows the agenda with the confirmation. */
export async function addAppointmentAction(_: FormState, form: FormData): Promise<FormState> {
  const { actor, profileId, own } = await target(form);
  const input = parseForm(appointmentInput, form);
  if (!input.ok) return input.state;
  const done = await runUseCase(form, () => addAppointment(getDb(), actor, { ...input.data, profileId }, clock.now()));
  if (!done.ok) return done.state;
  redirect(agendaHref(profileId, own, '', { enregistre: 'rendez-vous' }));
}

/** AGD-1, AGD-2: changes an appointment (one from a catalogue service is refused with its message). */
export async function editAppointmentAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { profileId, appointmentId } = withAppointment.parse(Object.fromEntries(form));
  const input = parseForm(appointmentInput, form);
  if (!input.ok) return input.state;
  const done = await runUseCase(form, () => editAppointment(getDb(), actor, { ...input.data, profileId, appointmentId }, clock.now()));
  if (!done.ok) return done.state;
  redirect(agendaHref(profileId, actor.ownProfileId === profileId, '', { enregistre: 'modification' }));
}

export async function deleteAppointmentAction(form: FormData) {
  const actor = await requireAudience('patient');
  const { profileId, appointmentId } = withAppointment.parse(Object.fromEntries(form));
  const back = agendaHref(profileId, actor.ownProfileId === profileId);
  await runThenRedirect(back, agendaHref(profileId, actor.ownProfileId === profileId, '', { supprime: 'rendez-vous' }),
    () => deleteAppointment(getDb(), actor, { profileId, appointmentId }, clock.now()));
}

/** AGD-4: adds a reminder; the 11th of a date comes back on the date field. */
export async function addReminderAction(_: FormState, form: FormData): Promise<FormState> {
  const { actor, profileId, own } = await target(form);
  const input = parseForm(reminderInput, form);
  if (!input.ok) return input.state;
  const done = await runUseCase(form, () => addReminder(getDb(), actor, { ...input.data, profileId }, clock.now()));
  if (!done.ok) return done.state;
  redirect(agendaHref(profileId, own, '', { enregistre: 'rappel' }));
}

export async function deleteReminderAction(form: FormData) {
  const actor = await requireAudience('patient');
  const { profileId, reminderId } = ids.extend({ reminderId: z.uuid() }).parse(Object.fromEntries(form));
  const own = actor.ownProfileId === profileId;
  await runThenRedirect(agendaHref(profileId, own), agendaHref(profileId, own, '', { supprime: 'rappel' }),
    () => deleteReminder(getDb(), actor, { profileId, reminderId }, clock.now()));
}
