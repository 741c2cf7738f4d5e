'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

export type Choice = { id: string; label: string; note?: string; disabled: boolean };

/** OPP-5: one checkbox per person (the holder and each attached child), each profile objected to separately. */
export function ChooseForm({ choices, action }: { choices: Choice[]; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <FormFeedback state={state} labels={{ profils: 'Personnes' }} />
      <fieldset id="profils" tabIndex={-1} className="mb-6" aria-describedby={state.fieldErrors.profils ? 'profils-error' : undefined}>
        <legend className="mb-2 font-semibold">Pour quelles personnes vous opposez-vous à la création du profil ?</legend>
        {state.fieldErrors.profils && <p id="profils-error" className="font-semibold text-error-700">{state.fieldErrors.profils}</p>}
        {choices.map((c) => (
          <Checkbox key={c.id} id={`profil-${c.id}`} name="profils" value={c.id} label={c.label} hint={c.note} disabled={c.disabled} />
        ))}
      </fieldset>
      <SubmitButton variant="danger">Confirmer mon opposition</SubmitButton>
    </form>
  );
}
