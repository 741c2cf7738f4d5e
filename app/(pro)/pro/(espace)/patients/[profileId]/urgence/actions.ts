'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { emergencyStartFields, startEmergencyAccess } from '@/lib/professional-access/start-emergency';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

/** EMG-2, EMG-3: start a bris de glace or a SAMU regulation access, then open the patient's record. */
export async function startEmergencyAction(profileId: string, _: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('pro');
  const parsed = parseForm(emergencyStartFields, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => startEmergencyAccess(getDb(), actor, { profileId, ...parsed.data }, clock.now(), 'PRO'));
  if (!result.ok) return result.state;
  redirect(`/pro/patients/${profileId}`);
}
