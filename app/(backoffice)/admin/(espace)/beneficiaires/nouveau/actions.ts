'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { createBeneficiary } from '@/lib/accounts/create-beneficiary';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField } from '@/app/_forms/fields';

const input = z.object({
  nir: z.string().trim().min(1, 'Saisissez le NIR.'),
  vitaleSerial: z.string().trim().min(1, 'Saisissez le numéro de série de la carte Vitale.'),
  birthName: z.string().trim().min(1, 'Saisissez le nom de naissance.').max(100, 'Le nom est trop long.'),
  firstNames: z.string().trim().min(1, 'Saisissez au moins un prénom.').max(200, 'Les prénoms sont trop longs.'),
  birthDate: frenchDateField({ notFuture: true }),
  email: z.email('Saisissez une adresse électronique valide, par exemple nom@exemple.fr.'),
});

export async function createBeneficiaryAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const parsed = parseForm(input, form);
  if (!parsed.ok) return parsed.state;
  const result = await runUseCase(form, () => createBeneficiary(getDb(), actor, parsed.data, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/beneficiaires/${result.value.profileId}?cree=1`);
}
