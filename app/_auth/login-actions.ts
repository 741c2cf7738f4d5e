'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { completeLogin, resendLoginOtp, startLogin, type Portal } from '@/lib/auth/password-login';
import { signIn, signOut } from '@/lib/auth/nextauth';
import { clock } from '@/lib/clock';
import { errorState, parseForm, runUseCase, type FormState } from '../_forms/form-state';
import { clearStepCookie, readStepCookie, setStepCookie } from './challenge-cookie';

/** ACT-10: identifiant + password, then the emailed code; shared by the three password portals. */
const PAGES: Record<Portal, { code: string; home: string; cookie: string }> = {
  patient: { code: '/connexion/code', home: '/espace', cookie: 'mes_login_patient' },
  backoffice: { code: '/admin/connexion/code', home: '/admin', cookie: 'mes_login_staff' },
  advisor: { code: '/accompagnement/connexion/code', home: '/accompagnement', cookie: 'mes_login_advisor' },
};

const credentials = z.object({
  identifiant: z.string().trim().min(1, 'Saisissez votre identifiant.'),
  password: z.string().min(1, 'Saisissez votre mot de passe.'),
});
const otpInput = z.object({ otp: z.string().trim().regex(/^\d{6}$/, 'Saisissez les 6 chiffres du code reçu.') });

async function start(portal: Portal, form: FormData): Promise<FormState> {
  const input = parseForm(credentials, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => startLogin(getDb(), portal, input.data, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(PAGES[portal].cookie, result.value.challengeId, 15 * 60);
  redirect(PAGES[portal].code);
}

async function complete(portal: Portal, form: FormData): Promise<FormState> {
  const challengeId = await readStepCookie(PAGES[portal].cookie);
  if (!challengeId) return errorState(form, 'Votre connexion a expiré : recommencez.');
  const input = parseForm(otpInput, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => completeLogin(getDb(), portal, { challengeId, otp: input.data.otp }, clock.now()));
  if (!result.ok) return result.state;
  await clearStepCookie(PAGES[portal].cookie);
  await signIn('ticket', { ticket: result.value, redirectTo: PAGES[portal].home });
  return errorState(form, 'Connexion impossible.');
}

async function resend(portal: Portal, form: FormData): Promise<FormState> {
  const challengeId = await readStepCookie(PAGES[portal].cookie);
  if (!challengeId) return errorState(form, 'Votre connexion a expiré : recommencez.');
  const result = await runUseCase(form, () => resendLoginOtp(getDb(), portal, challengeId, clock.now()));
  if (!result.ok) return result.state;
  await setStepCookie(PAGES[portal].cookie, result.value, 15 * 60);
  return { status: 'success', message: 'Un nouveau code vient de vous être envoyé.', fieldErrors: {}, values: {}, version: Date.now() };
}

export async function startPatientLogin(_: FormState, form: FormData) { return start('patient', form); }
export async function completePatientLogin(_: FormState, form: FormData) { return complete('patient', form); }
export async function resendPatientOtp(_: FormState, form: FormData) { return resend('patient', form); }
export async function startStaffLogin(_: FormState, form: FormData) { return start('backoffice', form); }
export async function completeStaffLogin(_: FormState, form: FormData) { return complete('backoffice', form); }
export async function resendStaffOtp(_: FormState, form: FormData) { return resend('backoffice', form); }
export async function startAdvisorLogin(_: FormState, form: FormData) { return start('advisor', form); }
export async function completeAdvisorLogin(_: FormState, form: FormData) { return complete('advisor', form); }
export async function resendAdvisorOtp(_: FormState, form: FormData) { return resend('advisor', form); }

export async function signInWithProSanteConnect() {
  await signIn('psc', { redirectTo: '/pro' });
}

export async function signOutAction() {
  await signOut({ redirectTo: '/' });
}

/** The email shown on the code page ("nous avons envoyé un code à …"), masked. */
export async function pendingLoginEmail(portal: Portal): Promise<string | null> {
  const challengeId = await readStepCookie(PAGES[portal].cookie);
  if (!challengeId) return null;
  const { maskedChallengeEmail } = await import('@/lib/auth/challenge-email');
  return maskedChallengeEmail(getDb(), challengeId);
}
