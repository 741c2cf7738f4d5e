'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { nir: 'NIR du mineur' };

/** REP-7, BO-5: a minor entrusted to the ASE, known from the imported population, gets a profile with no representative. */
export function AseProfileForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={state.values.nir} error={state.fieldErrors.nir}
        hint="15 caractères, clé comprise. Le mineur doit figurer dans la population importée comme confié à l’aide sociale à l’enfance."
        inputClassName="max-w-md" />
      <SubmitButton>Créer le profil</SubmitButton>
    </form>
  );
}
