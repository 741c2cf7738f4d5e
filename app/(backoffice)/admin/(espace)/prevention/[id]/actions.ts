'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { applyPreventionCommand } from '@/lib/prevention-campaigns/manage';
import { runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({ campaignId: z.uuid(), command: z.enum(['start', 'pause', 'resume', 'cancel']) });

/** PRV-6: launch, pause, resume or cancel a prevention campaign (traced by the use case). */
export async function preventionCommandAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { campaignId, command } = input.parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => applyPreventionCommand(getDb(), actor, campaignId, command, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/prevention/${campaignId}?fait=${command}`);
}
