'use server';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { retryFailedJob } from '@/lib/queue/failed-jobs';
import { runUseCase, type FormState } from '@/app/_forms/form-state';

export async function retryJobAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const { id } = z.object({ id: z.string().regex(/^\d+$/) }).parse(Object.fromEntries(form));
  const result = await runUseCase(form, () => retryFailedJob(getDb(), actor, id, clock.now()));
  if (!result.ok) return result.state;
  revalidatePath('/admin/taches');
  return { status: 'success', message: `La tâche ${id} est relancée.`, fieldErrors: {}, values: {}, version: Date.now() };
}
