'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = {
  ...CARTE_VITALE_LABELS, presenceConfirmed: 'Présence et accord de la personne',
};

/** FS-2: the person's physical carte Vitale and the presence box. */
export function StartVisitForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <CarteVitaleFields state={state} who="person" />
      <Checkbox name="presenceConfirmed" label="La personne est présente et a donné son accord" required error={state.fieldErrors.presenceConfirmed}
        hint="Vous n’agissez qu’en présence de la personne, avec sa carte Vitale (FS-2)." />
      <SubmitButton>Commencer l’accompagnement</SubmitButton>
    </form>
  );
}
