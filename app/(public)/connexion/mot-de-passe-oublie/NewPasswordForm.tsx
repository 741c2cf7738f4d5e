'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { newPassword: 'Nouveau mot de passe', newPasswordConfirmation: 'Confirmation du nouveau mot de passe' };

/** ACT-14 step 3: the new password under the ACT-8 rules, typed twice. */
export function NewPasswordForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.newPassword} name="newPassword" type="password" required autoComplete="new-password" inputClassName="max-w-md"
        hint="De 9 à 128 caractères, avec une minuscule, une majuscule, un chiffre et un caractère spécial. Sans votre identifiant, vos nom et prénoms ni votre date de naissance ; différent de l’ancien mot de passe."
        error={state.fieldErrors.newPassword} />
      <Field label={LABELS.newPasswordConfirmation} name="newPasswordConfirmation" type="password" required autoComplete="new-password"
        inputClassName="max-w-md" error={state.fieldErrors.newPasswordConfirmation} />
      <SubmitButton>Enregistrer le nouveau mot de passe</SubmitButton>
    </form>
  );
}
