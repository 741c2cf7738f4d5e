'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { password: 'Mot de passe', passwordConfirmation: 'Confirmation du mot de passe' };

/** FS-1, ACT-8: the new password twice; on success, the way to the login page. */
export function ChoosePasswordForm({ action, token, identifiant }: {
  action: (s: FormState, f: FormData) => Promise<FormState>; token: string; identifiant: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  if (state.status === 'success') {
    return (
      <Alert variant="success" title="Votre mot de passe est enregistré">
        <p>Connectez-vous avec votre identifiant, {state.data?.identifiant ?? identifiant}, et ce mot de passe : un code vous sera envoyé par courriel.</p>
        <p className="mt-2"><Link href="/accompagnement/connexion">Se connecter</Link></p>
      </Alert>
    );
  }
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-xl">
      <FormFeedback state={state} labels={LABELS} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right identifiant. */}
      <input type="hidden" name="username" autoComplete="username" value={identifiant} />
      <Field label={LABELS.password} name="password" type="password" required autoComplete="new-password"
        hint="De 9 à 128 caractères, avec une minuscule, une majuscule, un chiffre et un caractère spécial. Sans votre identifiant ni vos nom et prénom."
        error={state.fieldErrors.password} inputClassName="max-w-md" />
      <Field label={LABELS.passwordConfirmation} name="passwordConfirmation" type="password" required autoComplete="new-password"
        error={state.fieldErrors.passwordConfirmation} inputClassName="max-w-md" />
      <SubmitButton>Enregistrer mon mot de passe</SubmitButton>
    </form>
  );
}
