'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { identifiant: 'Identifiant', password: 'Mot de passe', passwordConfirmation: 'Confirmation du mot de passe', email: 'Adresse électronique' };

/** ACT-7, ACT-8, ACT-9: identifiant, password and the email that will receive the login codes. */
export function CredentialsStepForm({ action, email }: { action: (s: FormState, f: FormData) => Promise<FormState>; email: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.identifiant} name="identifiant" required autoComplete="username" defaultValue={v.identifiant}
        hint="Au moins 8 caractères : lettres sans accent, chiffres, point, tiret ou tiret bas. Ni adresse électronique, ni numéro de sécurité sociale."
        error={state.fieldErrors.identifiant} inputClassName="max-w-md" />
      <Field label={LABELS.password} name="password" type="password" required autoComplete="new-password"
        hint="De 9 à 128 caractères, avec une minuscule, une majuscule, un chiffre et un caractère spécial. Sans votre identifiant, vos nom et prénoms ni votre date de naissance."
        error={state.fieldErrors.password} inputClassName="max-w-md" />
      <Field label={LABELS.passwordConfirmation} name="passwordConfirmation" type="password" required autoComplete="new-password"
        error={state.fieldErrors.passwordConfirmation} inputClassName="max-w-md" />
      <Field label={LABELS.email} name="email" type="email" required autoComplete="email" defaultValue={v.email ?? email}
        hint="Nous y enverrons un code pour la vérifier, puis un code à chaque connexion." error={state.fieldErrors.email} inputClassName="max-w-md" />
      <SubmitButton>Recevoir le code de vérification</SubmitButton>
    </form>
  );
}
