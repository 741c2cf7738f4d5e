'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', birthDate: 'Date de naissance' };

/** ACT-14 step 1: the person identifies with their carte Vitale, as at activation (ACT-1, ACT-3). */
export function ResetIdentityForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir}
        hint="Les 15 caractères inscrits sur votre carte Vitale, clé comprise (par exemple 2 85 03 75 056 017 15)."
        error={state.fieldErrors.nir} inputClassName="max-w-md" />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte Vitale : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo."
        error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <Field label={LABELS.birthDate} name="birthDate" required autoComplete="bday" defaultValue={v.birthDate}
        hint="Format : JJ/MM/AAAA, par exemple 21/03/1985." error={state.fieldErrors.birthDate} inputClassName="max-w-xs" />
      <SubmitButton>Recevoir un code</SubmitButton>
    </form>
  );
}
