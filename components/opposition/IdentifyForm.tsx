'use client';
import { useActionState } from 'react';
import { Field, RadioGroup } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', cardType: 'Type de carte Vitale' };

/** OPP-3: NIR + Vitale serial + card type; no code provisoire is needed. */
export function IdentifyForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères inscrits sur votre carte Vitale, clé comprise." inputClassName="max-w-md" />
      <RadioGroup legend={LABELS.cardType} name="cardType" required defaultValue={v.cardType} error={state.fieldErrors.cardType}
        options={[{ value: 'photo', label: 'Carte Vitale avec photo' }, { value: 'sans-photo', label: 'Carte Vitale sans photo' }]} />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo." error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <SubmitButton>Continuer</SubmitButton>
    </form>
  );
}
