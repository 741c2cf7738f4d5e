'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = {
  nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', birthDate: 'Date de naissance',
  presenceConfirmed: 'Présence et accord de la personne',
};

/** FS-2: the person's physical carte Vitale and the presence box. */
export function StartVisitForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères inscrits sur la carte Vitale de la personne, clé comprise." inputClassName="max-w-md" />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo." error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <Field label={LABELS.birthDate} name="birthDate" required autoComplete="off" defaultValue={v.birthDate} error={state.fieldErrors.birthDate}
        hint="Au format JJ/MM/AAAA, par exemple 14/07/1980." inputClassName="max-w-xs" />
      <Checkbox name="presenceConfirmed" label="La personne est présente et a donné son accord" required error={state.fieldErrors.presenceConfirmed}
        hint="Vous n’agissez qu’en présence de la personne, avec sa carte Vitale (FS-2)." />
      <SubmitButton>Commencer l’accompagnement</SubmitButton>
    </form>
  );
}
