'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { chooseAssistedCredentials, confirmAssistedActivation, startAssistedActivation } from '@/lib/france-services/visits/assisted-activation';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, nirField, vitaleSerialField } from '@/app/_forms/fields';
import { clearStepCookie, readStepCookie, setStepCookie } from '@/app/_auth/challenge-cookie';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { ASSISTED_CHALLENGE, ASSISTED_ENROLMENT } from './steps';

const EXPIRED = 'L’activation a expiré : recommencez depuis la première étape.';

const identity = z.object({
  nir: nirField,
  vitaleSerial: vitaleSerialField,
  birthDate: frenchDateField(),
  code: z.string().trim().min(1, 'Saisissez le code provisoire reçu par courriel ou par courrier.'),
  cgu: z.literal('oui', { error: 'La personne doit accepter les conditions générales d’utilisation pour activer son profil.' }),
});

/** FS-3, ACT-1: step 1, the person's carte Vitale and code provisoire. */
export async function assistedIdentityAction(_: FormState, form: FormData): Promise<FormState> {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const input = parseForm(identity, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => startAssistedActivation(getDb(), advisor, input.data, now));
  if (!result.ok) return result.state;
  await setStepCookie(ASSISTED_ENROLMENT, result.value.enrolmentId, 30 * 60);
  redirect('/accompagnement/visite/activation/identifiants');
}

const credentials = z.object({
  identifiant: z.string().trim().min(1, 'Choisissez un identifiant.'),
  password: z.string().min(1, 'Choisissez un mot de passe.'),
  passwordConfirmation: z.string().min(1, 'Saisissez à nouveau le mot de passe.'),
  email: z.email('Saisissez une adresse électronique valide, par exemple nom@exemple.fr.'),
});

/** ACT-7..9: step 2, the credentials the person chooses (password fields, never echoed). */
export async function assistedCredentialsAction(_: FormState, form: FormData): Promise<FormState> {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const enrolmentId = await readStepCookie(ASSISTED_ENROLMENT);
  if (!enrolmentId) return errorState(form, EXPIRED);
  const input = parseForm(credentials, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => chooseAssistedCredentials(getDb(), advisor, enrolmentId, input.data, now));
  if (!result.ok) return result.state;
  await setStepCookie(ASSISTED_CHALLENGE, result.value.challengeId, 30 * 60);
  redirect('/accompagnement/visite/activation/confirmation');
}

const otp = z.object({ otp: z.string().trim().regex(/^\d{6}$/, 'Saisissez les 6 chiffres du code reçu.') });

/** ACT-9, T4: step 3, the emailed code; the profile is active. */
export async function assistedOtpAction(_: FormState, form: FormData): Promise<FormState> {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const [enrolmentId, challengeId] = [await readStepCookie(ASSISTED_ENROLMENT), await readStepCookie(ASSISTED_CHALLENGE)];
  if (!enrolmentId || !challengeId) return errorState(form, EXPIRED);
  const input = parseForm(otp, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => confirmAssistedActivation(getDb(), advisor, { enrolmentId, challengeId, otp: input.data.otp }, now));
  if (!result.ok) return result.state;
  await clearStepCookie(ASSISTED_ENROLMENT);
  await clearStepCookie(ASSISTED_CHALLENGE);
  redirect('/accompagnement/visite?activation=1');
}
