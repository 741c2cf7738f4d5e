'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { birthName: 'Nom de naissance', firstNames: 'Prénoms', reason: 'Justificatif ou motif' };

/** ID-11: the only civil-status fields an agent may correct. */
export function CivilStatusForm({ profileId, birthName, firstNames, action }: {
  profileId: string; birthName: string; firstNames: string; action: (s: FormState, f: FormData) => Promise<FormState>;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={LABELS} />
      <input type="hidden" name="profileId" value={profileId} />
      <Field label={LABELS.birthName} name="birthName" required defaultValue={v.birthName ?? birthName} error={e.birthName} autoComplete="off" />
      <Field label={LABELS.firstNames} name="firstNames" required defaultValue={v.firstNames ?? firstNames} error={e.firstNames} autoComplete="off"
        hint="Dans l’ordre de l’état civil, séparés par des espaces." />
      <Field label={LABELS.reason} name="reason" required defaultValue={v.reason} error={e.reason} autoComplete="off"
        hint="Par exemple « Acte de naissance reçu le 12/03 ». Le titulaire voit la correction dans son historique d’activité." />
      <SubmitButton>Enregistrer la correction</SubmitButton>
    </form>
  );
}
