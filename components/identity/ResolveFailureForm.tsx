'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** BO-4: one impossible opening, settled with a note (what was checked, which identity is right). */
export function ResolveFailureForm({ failureId, who, action }: { failureId: string; who: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = { resolution: `Résolution pour ${who}` };
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-md">
      <FormFeedback state={state} labels={labels} />
      <input type="hidden" name="failureId" value={failureId} />
      <Field label={labels.resolution} name="resolution" required defaultValue={state.values.resolution} error={state.fieldErrors.resolution}
        hint="Par exemple : identité qualifiée auprès de la caisse, doublon fusionné." autoComplete="off" />
      <SubmitButton variant="secondary">Marquer comme résolu</SubmitButton>
    </form>
  );
}
