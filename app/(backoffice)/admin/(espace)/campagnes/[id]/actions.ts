'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { applyCampaignCommand } from '@/lib/campaigns/manage';
import { postLetterBatch } from '@/lib/campaigns/post-letters';
import { frenchDateToIso } from '@/lib/identity/dates';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';
import type { DoneKey } from './done-messages';
import { scheduleFromForm } from './paris-time';

const back = (campaignId: string, done: DoneKey): never => redirect(`/admin/campagnes/${campaignId}?fait=${done}`);
const ids = z.object({ campaignId: z.uuid() });

/** BO-1: launch now, pause, resume, or send the failed notices again (CMP-9). */
export async function campaignCommandAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, command } = ids.extend({ command: z.enum(['start', 'pause', 'resume', 'retry']) }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => applyCampaignCommand(getDb(), actor, campaignId, command, clock.now()));
  if (!result.ok) return result.state;
  return back(campaignId, command);
}

/** BO-1: start at a given Europe/Paris date and time (the scheduler checks every minute). */
export async function scheduleCampaignAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, scheduledAt, scheduledTime } = ids.extend({ scheduledAt: z.string(), scheduledTime: z.string() }).parse(Object.fromEntries(form));
  const schedule = scheduleFromForm(scheduledAt, scheduledTime);
  if ('errors' in schedule) return errorState(form, undefined, schedule.errors);
  const result = await runUseCase(form, () => applyCampaignCommand(getDb(), actor, campaignId, 'schedule', clock.now(), { scheduledAt: schedule.at }));
  if (!result.ok) return result.state;
  return back(campaignId, 'schedule');
}

/** BO-1: cancel, once the agent has ticked the confirmation. */
export async function cancelCampaignAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, confirm } = ids.extend({ confirm: z.string().optional() }).parse(Object.fromEntries(form));
  if (confirm !== 'oui') return errorState(form, undefined, { confirm: 'Cochez la case pour confirmer l’annulation.' });
  const result = await runUseCase(form, () => applyCampaignCommand(getDb(), actor, campaignId, 'cancel', clock.now()));
  if (!result.ok) return result.state;
  return back(campaignId, 'cancel');
}

/** CMP-3, CMP-4: a printed batch was handed to La Poste on that day; each letter's window runs from it. */
export async function postLetterBatchAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, batchId, postedOn } = ids.extend({ batchId: z.uuid(), postedOn: z.string() }).parse(Object.fromEntries(form));
  const day = frenchDateToIso(postedOn);
  if (!day) return errorState(form, undefined, { postedOn: 'Saisissez une date valide au format JJ/MM/AAAA.' });
  const result = await runUseCase(form, () => postLetterBatch(getDb(), actor, batchId, day, clock.now()));
  if (!result.ok) return result.state;
  return back(campaignId, 'depose');
}
