'use client';
import { useActionState } from 'react';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { ...CARTE_VITALE_LABELS, };

/** ACT-14 step 1: the person identifies with their carte Vitale, as at activation (ACT-1, ACT-3). */
export function ResetIdentityForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <CarteVitaleFields state={state} />
      <SubmitButton>Recevoir un code</SubmitButton>
    </form>
  );
}
