'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { startVisit } from '@/lib/france-services/visits/start-visit';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, someoneNirField } from '@/app/_forms/fields';

const startSchema = z.object({
  nir: someoneNirField('Saisissez le numéro de sécurité sociale inscrit sur la carte Vitale.'),
  vitaleSerial: z.string().trim().min(1, 'Saisissez le numéro de série de la carte Vitale.'),
  birthDate: frenchDateField({ notFuture: true }),
  presenceConfirmed: z.literal('on', { error: 'Cochez la case pour confirmer que la personne est présente et a donné son accord.' }),
});

/** FS-2: start an assisted visit from the person's carte Vitale, the person present. */
export async function startVisitAction(_: FormState, form: FormData): Promise<FormState> {
  const advisor = await requireAudience('advisor');
  const input = parseForm(startSchema, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => startVisit(getDb(), advisor, { ...input.data, presenceConfirmed: true }, clock.now()));
  if (!result.ok) return result.state;
  redirect('/accompagnement/visite');
}
