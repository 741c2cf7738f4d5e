'use client';
import { useActionState } from 'react';
import { Alert, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { email: 'Adresse électronique' };

/** ACT-14: one address in, one neutral answer out. */
export function ForgottenIdentifiantForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  if (state.status === 'success') return <Alert variant="success" title="Demande enregistrée">{state.message}</Alert>;
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.email} name="email" type="email" required autoComplete="email" defaultValue={state.values.email}
        hint="L’adresse que vous avez vérifiée lors de l’activation de votre profil, ou depuis « Mes coordonnées »."
        error={state.fieldErrors.email} inputClassName="max-w-md" />
      <SubmitButton>Recevoir mon identifiant</SubmitButton>
    </form>
  );
}
