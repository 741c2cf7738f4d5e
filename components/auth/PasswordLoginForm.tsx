'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = { action: (state: FormState, form: FormData) => Promise<FormState>; identifiantHint?: string };

const LABELS = { identifiant: 'Identifiant', password: 'Mot de passe' };

/** ACT-10 step 1, shared by patients, CNAM staff and advisors: identifiant + password. */
export function PasswordLoginForm({ action, identifiantHint }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.identifiant} name="identifiant" autoComplete="username" required hint={identifiantHint}
        defaultValue={state.values.identifiant} error={state.fieldErrors.identifiant} />
      <Field label={LABELS.password} name="password" type="password" autoComplete="current-password" required
        error={state.fieldErrors.password} />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
