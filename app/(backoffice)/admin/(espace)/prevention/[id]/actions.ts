'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { applyPreventionCommand, type PreventionCommand } from '@/lib/prevention-campaigns/manage';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';
import { scheduleFromForm } from '../../campagnes/[id]/paris-time';

const ids = z.object({ campaignId: z.uuid() });
const back = (campaignId: string, done: PreventionCommand): never => redirect(`/admin/prevention/${campaignId}?fait=${done}`);

/** PRV-6: launch now, pause, resume, or unschedule a prevention campaign (traced by the use case). */
export async function preventionCommandAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, command } = ids.extend({ command: z.enum(['start', 'pause', 'resume', 'unschedule']) }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => applyPreventionCommand(getDb(), actor, campaignId, command, clock.now()));
  if (!result.ok) return result.state;
  return back(campaignId, command);
}

/** PRV-6: start at a Europe/Paris date and time to come (the scheduler checks every minute). */
export async function schedulePreventionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, scheduledAt, scheduledTime } = ids.extend({ scheduledAt: z.string(), scheduledTime: z.string() }).parse(Object.fromEntries(form));
  const schedule = scheduleFromForm(scheduledAt, scheduledTime);
  if ('errors' in schedule) return errorState(form, undefined, schedule.errors);
  const result = await runUseCase(form, () => applyPreventionCommand(getDb(), actor, campaignId, 'schedule', clock.now(), { scheduledAt: schedule.at }));
  if (!result.ok) return result.state;
  return back(campaignId, 'schedule');
}

/** PRV-6: cancel, once the agent has ticked the confirmation. */
export async function cancelPreventionAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, confirm } = ids.extend({ confirm: z.string().optional() }).parse(Object.fromEntries(form));
  if (confirm !== 'oui') return errorState(form, undefined, { confirm: 'Cochez la case pour confirmer l’annulation.' });
  const result = await runUseCase(form, () => applyPreventionCommand(getDb(), actor, campaignId, 'cancel', clock.now()));
  if (!result.ok) return result.state;
  return back(campaignId, 'cancel');
}
