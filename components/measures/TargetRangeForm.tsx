'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import type { MeasureType } from '@/lib/measures/measure-types';
import type { TargetRange } from '@/lib/measures/target-range';
import { MeasureFormFeedback } from './MeasureFormFeedback';

type Props = {
  type: MeasureType;
  profileId: string;
  current: TargetRange | null;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

const typed = (v: number | null | undefined) => (v == null ? '' : String(v).replace('.', ','));

/** MEA-7: the target range of one measure type; either bound may stay empty; « Supprimer l’objectif » clears it. */
export function TargetRangeForm({ type, profileId, current, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const two = type.components.length > 1;
  const prefix = (i: number) => (two ? `${type.components[i]!.code === 'SYSTOLIC' ? 'Systolique' : 'Diastolique'} : b` : 'B');
  const labels: Record<string, string> = {
    low: `${prefix(0)}orne basse (${type.unit})`, high: `${prefix(0)}orne haute (${type.unit})`,
    ...(two && { low2: `${prefix(1)}orne basse (${type.unit})`, high2: `${prefix(1)}orne haute (${type.unit})` }),
  };
  const submitted = state.status === 'error';
  const value = (field: 'low' | 'high' | 'low2' | 'high2') => (submitted ? state.values[field] ?? '' : typed(current?.[field]));
  return (
    <form action={formAction} key={state.version} noValidate aria-labelledby="objectif-titre" className="max-w-2xl">
      <MeasureFormFeedback state={state} labels={labels} id="resume-erreurs-objectif" />
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="type" value={type.code} />
      {(two ? [['low', 'high'], ['low2', 'high2']] as const : [['low', 'high']] as const).map(([low, high]) => (
        <div key={low} className="flex flex-wrap gap-x-6">
          <Field label={labels[low]} name={low} inputMode="decimal" autoComplete="off" defaultValue={value(low)} error={state.fieldErrors[low]} inputClassName="max-w-48" />
          <Field label={labels[high]} name={high} inputMode="decimal" autoComplete="off" defaultValue={value(high)} error={state.fieldErrors[high]} inputClassName="max-w-48" />
        </div>
      ))}
      <div className="flex flex-wrap gap-4">
        <SubmitButton name="intent" value="set">Enregistrer l’objectif</SubmitButton>
        {current && <SubmitButton name="intent" value="remove" variant="secondary">Supprimer l’objectif</SubmitButton>}
      </div>
    </form>
  );
}
