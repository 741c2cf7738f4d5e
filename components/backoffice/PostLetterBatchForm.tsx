'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { ActionFeedback } from './ActionFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = {
  campaignId: string; batch: { id: string; seq: number; letters: number }; today: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** CMP-3, CMP-4: declare one printed batch handed to La Poste; the windows of its letters run from that day. */
export function PostLetterBatchForm({ campaignId, batch, today, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const fieldId = `postedOn-${batch.seq}`;
  const error = state.fieldErrors.postedOn;
  const summary = { ...state, fieldErrors: error ? { [fieldId]: error } : {} };
  return (
    <form action={formAction} key={state.version} noValidate className="mb-4 rounded-lg border border-border bg-white p-4">
      <ActionFeedback state={summary} labels={{ [fieldId]: `Lot n° ${batch.seq}` }} id={`lot-${batch.seq}`} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="batchId" value={batch.id} />
      <div className="flex flex-wrap items-end gap-x-4">
        <Field label={`Lot n° ${batch.seq} (${batch.letters} courrier${batch.letters > 1 ? 's' : ''}) : déclarer déposé à La Poste le`}
          name="postedOn" id={fieldId} hint="Format : JJ/MM/AAAA. Le fichier du lot sera ensuite supprimé." required
          defaultValue={state.values.postedOn ?? today} error={error} autoComplete="off" inputClassName="max-w-48" />
        <div className="mb-6"><SubmitButton variant="secondary">{`Déclarer le lot n° ${batch.seq} déposé`}</SubmitButton></div>
      </div>
    </form>
  );
}
