'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { findOpposableProfiles, type Identity } from '@/lib/oppositions/identify';
import { opposeOnline } from '@/lib/oppositions/oppose';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { nirField } from '@/app/_forms/fields';
import { readSealedCookie, setSealedCookie } from '@/app/_auth/sealed-cookie';
import { IDENTITY_COOKIE, RECEIPTS_COOKIE } from './cookies';


const identity = z.object({
  nir: nirField,
  vitaleSerial: z.string().trim().min(1, 'Saisissez le numéro de série de votre carte Vitale.'),
  cardType: z.enum(['photo', 'sans-photo'], { error: 'Indiquez si votre carte Vitale a une photo.' }),
});

/** OPP-3: identify with the carte Vitale (no code provisoire), then choose the people (OPP-5). */
export async function identifyForOpposition(_: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(identity, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => findOpposableProfiles(getDb(), input.data));
  if (!result.ok) return result.state;
  await setSealedCookie(IDENTITY_COOKIE, input.data, 20 * 60);
  redirect('/opposition/choix');
}

export async function confirmOpposition(_: FormState, form: FormData): Promise<FormState> {
  const who = await readSealedCookie<Identity>(IDENTITY_COOKIE);
  if (!who) return errorState(form, 'Votre démarche a expiré : recommencez.');
  const profileIds = form.getAll('profils').map(String);
  const result = await runUseCase(form, () => opposeOnline(getDb(), who, profileIds, clock.now()));
  if (!result.ok) return result.state;
  await setSealedCookie(RECEIPTS_COOKIE, result.value, 60 * 60);
  redirect('/opposition/confirmation');
}
