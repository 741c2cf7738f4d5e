'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = {
  nir: 'NIR (numéro de sécurité sociale)', vitaleSerial: 'Numéro de série de la carte Vitale', birthName: 'Nom de naissance',
  firstNames: 'Prénoms de naissance', birthDate: 'Date de naissance', email: 'Adresse électronique',
};

/** BO-4: one beneficiary, entered by an agent; the notice and its code provisoire follow by email. */
export function BeneficiaryForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required defaultValue={v.nir} error={e.nir} autoComplete="off"
        hint="15 caractères, clé comprise ; 2A et 2B acceptés pour la Corse." />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required defaultValue={v.vitaleSerial} error={e.vitaleSerial}
        inputMode="numeric" autoComplete="off" hint="8 à 13 chiffres (11 pour une carte avec photo)." />
      <Field label={LABELS.birthName} name="birthName" required defaultValue={v.birthName} error={e.birthName} autoComplete="off" />
      <Field label={LABELS.firstNames} name="firstNames" required defaultValue={v.firstNames} error={e.firstNames} autoComplete="off"
        hint="Séparés par des espaces, dans l’ordre de l’état civil." />
      <Field label={LABELS.birthDate} name="birthDate" required defaultValue={v.birthDate} error={e.birthDate} autoComplete="off"
        hint="Format : JJ/MM/AAAA." />
      <Field label={LABELS.email} name="email" type="email" required defaultValue={v.email} error={e.email} autoComplete="off"
        hint="L’avis de création et le code provisoire y seront envoyés." />
      <SubmitButton>Créer le profil et envoyer l’avis</SubmitButton>
    </form>
  );
}
