'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { CREDENTIAL_FIELDS as F, changeIdentifiant, changePassword } from '@/lib/accounts/change-credentials';
import { signIn } from '@/lib/auth/nextauth';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';

/**
 * « Mes coordonnées »: the two credential forms of a patient-side account (never an advisor's: FS-4). They
 * post here without JavaScript and come back to the page with the result or the French error on its field,
 * in query keys of their own (the contact forms read `erreur` and `champ`). Nothing typed goes in the URL.
 */
const PAGE = '/espace/coordonnees';

const passwordForm = z.object({
  [F.currentPassword]: z.string().min(1, 'Saisissez votre mot de passe actuel.'),
  [F.newPassword]: z.string().min(1, 'Saisissez votre nouveau mot de passe.'),
  [F.newPasswordConfirmation]: z.string().min(1, 'Saisissez à nouveau votre nouveau mot de passe.'),
});
const identifiantForm = z.object({
  [F.newIdentifiant]: z.string().trim().min(1, 'Saisissez votre nouvel identifiant.'),
  [F.identifiantPassword]: z.string().min(1, 'Saisissez votre mot de passe actuel.'),
});

const back = (anchor: string, message: string, field: string): never =>
  redirect(`${PAGE}?${new URLSearchParams({ 'erreur-connexion': message, 'champ-connexion': field })}#${anchor}`);

function fields<S extends z.ZodType>(schema: S, form: FormData, anchor: string): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string')));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return back(anchor, issue.message, String(issue.path[0] ?? ''));
}

async function attempt<T>(anchor: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return back(anchor, error.message, error.field ?? '');
  }
}

/** ACT-8: the password changed; this browser is signed in again (its former session ended with the others). */
export async function changePasswordAction(form: FormData): Promise<void> {
  const actor = await requireAudience('patient');
  const input = fields(passwordForm, form, 'mot-de-passe');
  const { sessionTicket } = await attempt('mot-de-passe', () => changePassword(getDb(), actor, input, clock.now()));
  await signIn('ticket', { ticket: sessionTicket, redirectTo: `${PAGE}?modifie=mot-de-passe#mot-de-passe` });
}

/** ACT-7: the new identifiant, used from the next login. */
export async function changeIdentifiantAction(form: FormData): Promise<void> {
  const actor = await requireAudience('patient');
  const input = fields(identifiantForm, form, 'identifiant');
  await attempt('identifiant', () => changeIdentifiant(getDb(), actor,
    { newIdentifiant: input.newIdentifiant, currentPassword: input.identifiantPassword }, clock.now()));
  redirect(`${PAGE}?modifie=identifiant#identifiant`);
}
