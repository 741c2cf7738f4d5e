'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  completePasswordReset, passwordResetReady, resendPasswordResetCode, startPasswordReset, verifyPasswordResetCode,
} from '@/lib/accounts/reset-password';
import { maskedChallengeEmail } from '@/lib/auth/challenge-email';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';
import { frenchDateField, nirField, vitaleSerialField } from '@/app/_forms/fields';
import { clearStepCookie, readStepCookie, setStepCookie } from '@/app/_auth/challenge-cookie';

/** ACT-14 « Mot de passe oublié »: between the steps only the code's challenge id travels, in an httpOnly cookie. */
const STEP = 'mes_password_reset';
const STEP_SECONDS = 20 * 60;
const EXPIRED = 'Votre demande a expiré : recommencez depuis la première étape.';

const identity = z.object({ nir: nirField, vitaleSerial: vitaleSerialField, birthDate: frenchDateField() });

export async function submitResetIdentity(_: FormState, form: FormData): Promise<FormState> {
  const input = parseForm(identity, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => startPasswordReset(getDb(), input.data, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(STEP, result.value.challengeId, STEP_SECONDS);
  redirect('/connexion/mot-de-passe-oublie/code');
}

const otp = z.object({ otp: z.string().trim().regex(/^\d{6}$/, 'Saisissez les 6 chiffres du code reçu.') });

export async function submitResetCode(_: FormState, form: FormData): Promise<FormState> {
  const challengeId = await readStepCookie(STEP);
  if (!challengeId) return errorState(form, EXPIRED);
  const input = parseForm(otp, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => verifyPasswordResetCode(getDb(), { challengeId, otp: input.data.otp }, clock.now()));
  if (!result.ok) return result.state;
  redirect('/connexion/mot-de-passe-oublie/nouveau');
}

export async function resendResetCode(_: FormState, form: FormData): Promise<FormState> {
  const challengeId = await readStepCookie(STEP);
  if (!challengeId) return errorState(form, EXPIRED);
  const result = await runUseCase(form, () => resendPasswordResetCode(getDb(), challengeId, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(STEP, result.value.challengeId, STEP_SECONDS);
  return { status: 'success', message: 'Un nouveau code vient de vous être envoyé.', fieldErrors: {}, values: {}, version: Date.now() };
}

const newPassword = z.object({
  newPassword: z.string().min(1, 'Choisissez un nouveau mot de passe.'),
  newPasswordConfirmation: z.string().min(1, 'Saisissez à nouveau le nouveau mot de passe.'),
});

export async function submitNewPassword(_: FormState, form: FormData): Promise<FormState> {
  const challengeId = await readStepCookie(STEP);
  if (!challengeId) return errorState(form, EXPIRED);
  const input = parseForm(newPassword, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => completePasswordReset(getDb(), { challengeId, ...input.data }, clock.now()));
  if (!result.ok) return result.state;
  await clearStepCookie(STEP);
  redirect('/connexion?mot-de-passe=1');
}

/** Step 2's masked address, or null when there is no reset under way (the page goes back to step 1). */
export async function pendingResetEmail(): Promise<string | null> {
  const challengeId = await readStepCookie(STEP);
  return challengeId ? maskedChallengeEmail(getDb(), challengeId) : null;
}

/** Whether step 3 may show: a code typed less than 10 minutes ago, not yet spent on a new password. */
export async function resetReady(): Promise<boolean> {
  const challengeId = await readStepCookie(STEP);
  return challengeId ? passwordResetReady(getDb(), challengeId, clock.now()) : false;
}
