'use client';
import { useActionState } from 'react';
import { Alert, Field } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import type { MeasureType } from '@/lib/measures/measure-types';
import { MeasureFormFeedback } from './MeasureFormFeedback';

type Props = {
  type: MeasureType;
  profileId: string;
  /** Now, Paris time: « 03/03/2026 » and « 08:30 ». */
  defaults: { date: string; time: string };
  /** The page was reached right after a value was saved: confirmed here until the form is used again. */
  saved?: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/**
 * MEA-1, MEA-2: one value (two for blood pressure), its date and time defaulting to now. Each error is
 * shown on its field (aria-describedby) and listed in the summary above the form.
 */
export function MeasureEntryForm({ type, profileId, defaults, saved = false, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const [first, second] = type.components;
  const labels: Record<string, string> = {
    value: first!.fieldLabel, ...(second && { value2: second.fieldLabel }), date: 'Date de la mesure', time: 'Heure de la mesure',
  };
  const v = state.values;
  const errors = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate aria-labelledby="ajouter-titre" className="max-w-2xl">
      {saved && state.status === 'idle' && <Alert variant="success" title="Mesure enregistrée">Elle apparaît dans la courbe et le tableau ci-dessous.</Alert>}
      <MeasureFormFeedback state={state} labels={labels} id="resume-erreurs-mesure" />
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="type" value={type.code} />
      <div className="flex flex-wrap gap-x-6">
        <Field label={labels.value} name="value" required inputMode="decimal" autoComplete="off" defaultValue={v.value ?? ''}
          hint={`Par exemple ${first!.example}`} error={errors.value} inputClassName="max-w-48" />
        {second && (
          <Field label={labels.value2} name="value2" required inputMode="decimal" autoComplete="off" defaultValue={v.value2 ?? ''}
            hint={`Par exemple ${second.example}`} error={errors.value2} inputClassName="max-w-48" />
        )}
      </div>
      <div className="flex flex-wrap gap-x-6">
        <Field label={labels.date} name="date" required autoComplete="off" defaultValue={v.date ?? defaults.date}
          hint="Format : JJ/MM/AAAA, par exemple 03/03/2026." error={errors.date} inputClassName="max-w-48" />
        <Field label={labels.time} name="time" required autoComplete="off" defaultValue={v.time ?? defaults.time}
          hint="Format : HH:MM, heure de Paris." error={errors.time} inputClassName="max-w-32" />
      </div>
      <SubmitButton>Enregistrer la mesure</SubmitButton>
    </form>
  );
}

