'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { DeletionChoice } from './DeletionChoice';

const LABELS = {
  nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', birthDate: 'Date de naissance',
  code: 'Code provisoire', confirmed: 'Confirmation',
};

/** OPP-8: carte Vitale, date of birth and code provisoire; optional deletion; an explicit confirmation. */
export function CloseWithCodeForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-3xl">
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères inscrits sur la carte Vitale, clé comprise (par exemple 2 85 03 75 056 017 15)." inputClassName="max-w-md" />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte Vitale : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo."
        error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <Field label={LABELS.birthDate} name="birthDate" required autoComplete="bday" defaultValue={v.birthDate}
        hint="Format : JJ/MM/AAAA, par exemple 21/03/1985." error={state.fieldErrors.birthDate} inputClassName="max-w-xs" />
      <Field label={LABELS.code} name="code" required autoComplete="off" defaultValue=""
        hint="Les 8 caractères reçus par courriel ou par courrier." error={state.fieldErrors.code} inputClassName="max-w-xs uppercase tracking-widest" />
      <DeletionChoice label="Supprimer aussi les données" defaultChecked={v.deleteData === 'oui'} />
      <Checkbox name="confirmed" value="oui" required error={state.fieldErrors.confirmed}
        label="Je confirme vouloir fermer ce profil Mon espace santé"
        hint="Plus personne, ni vous ni les professionnels de santé, n’y aura accès." />
      <SubmitButton variant="danger">Fermer définitivement le profil</SubmitButton>
    </form>
  );
}
