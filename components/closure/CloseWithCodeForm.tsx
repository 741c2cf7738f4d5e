'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { DeletionChoice } from './DeletionChoice';

const LABELS = {
  ...CARTE_VITALE_LABELS, code: 'Code provisoire', confirmed: 'Confirmation',
};

/** OPP-8: carte Vitale, date of birth and code provisoire; optional deletion; an explicit confirmation. */
export function CloseWithCodeForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-3xl">
      <FormFeedback state={state} labels={LABELS} />
      <CarteVitaleFields state={state} />
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
