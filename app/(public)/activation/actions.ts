'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { chooseCredentials, resendEnrolmentOtp } from '@/lib/accounts/choose-credentials';
import { confirmActivation } from '@/lib/accounts/confirm-activation';
import { startActivation } from '@/lib/accounts/start-activation';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, nirField, vitaleSerialField } from '@/app/_forms/fields';
import { clearStepCookie, readStepCookie, setStepCookie } from '@/app/_auth/challenge-cookie';
import { clientIp, limitActivationByIp } from '@/lib/auth/ip-limit';
import { headers } from 'next/headers';

const ENROLMENT = 'mes_activation';
const CHALLENGE = 'mes_activation_otp';

const identity = z.object({
  nir: nirField,
  vitaleSerial: vitaleSerialField,
  birthDate: frenchDateField(),
  code: z.string().trim().min(1, 'Saisissez le code provisoire reçu par courriel ou par courrier.'),
  cgu: z.literal('oui', { error: 'Vous devez accepter les conditions générales d’utilisation pour activer votre profil.' }),
  // CLO-6, CLO-7: asked only once the use case has said the profile is closed (ReopenConsentRequiredError).
  reopenConsent: z.literal('oui').optional(),
});

export async function submitIdentity(_: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(identity, form);
  if (!input.ok) return input.state;
  const ip = clientIp(await headers());
  const result = await runUseCase(form, async () => {
    await limitActivationByIp(ip, clock.now());
    return startActivation(getDb(), { ...input.data, reopenConsent: input.data.reopenConsent === 'oui' }, clock.now());
  });
  if (!result.ok) return result.state;
  await setStepCookie(ENROLMENT, result.value.enrolmentId, 30 * 60);
  redirect('/activation/identifiants');
}

const credentials = z.object({
  identifiant: z.string().trim().min(1, 'Choisissez un identifiant.'),
  password: z.string().min(1, 'Choisissez un mot de passe.'),
  passwordConfirmation: z.string().min(1, 'Saisissez à nouveau votre mot de passe.'),
  email: z.email('Saisissez une adresse électronique valide, par exemple nom@exemple.fr.'),
});

export async function submitCredentials(_: FormState, form: FormData): Promise<FormState> {
  const enrolmentId = await readStepCookie(ENROLMENT);
  if (!enrolmentId) return errorState(form, 'Votre activation a expiré : recommencez depuis la première étape.');
  const input = parseForm(credentials, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => chooseCredentials(getDb(), enrolmentId, input.data, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(CHALLENGE, result.value.challengeId, 30 * 60);
  redirect('/activation/confirmation');
}

const otp = z.object({ otp: z.string().trim().regex(/^\d{6}$/, 'Saisissez les 6 chiffres du code reçu.') });

export async function submitEmailCode(_: FormState, form: FormData): Promise<FormState> {
  const [enrolmentId, challengeId] = [await readStepCookie(ENROLMENT), await readStepCookie(CHALLENGE)];
  if (!enrolmentId || !challengeId) return errorState(form, 'Votre activation a expiré : recommencez depuis la première étape.');
  const input = parseForm(otp, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => confirmActivation(getDb(), { enrolmentId, challengeId, otp: input.data.otp }, clock.now()));
  if (!result.ok) return result.state;
  await clearStepCookie(ENROLMENT);
  await clearStepCookie(CHALLENGE);
  redirect('/connexion?active=1');
}

export async function resendEmailCode(_: FormState, form: FormData): Promise<FormState> {
  const enrolmentId = await readStepCookie(ENROLMENT);
  if (!enrolmentId) return errorState(form, 'Votre activation a expiré : recommencez depuis la première étape.');
  const result = await runUseCase(form, () => resendEnrolmentOtp(getDb(), enrolmentId, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(CHALLENGE, result.value.challengeId, 30 * 60);
  return { status: 'success', message: 'Un nouveau code vient de vous être envoyé.', fieldErrors: {}, values: {}, version: Date.now() };
}
