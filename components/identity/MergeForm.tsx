'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ScopedFormFeedback, scopedId } from '@/components/representatives/ScopedFormFeedback';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { duplicateNir: 'NIR du profil en double', reason: 'Justificatif de la fusion' };

/** BO-4: merge a duplicate profile of the same person into this one. */
export function MergeForm({ profileId, action }: { profileId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const scope = 'fusion';
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <ScopedFormFeedback state={state} labels={LABELS} scope={scope} />
      <input type="hidden" name="profileId" value={profileId} />
      <Field id={scopedId('duplicateNir', scope)} label={LABELS.duplicateNir} name="duplicateNir" required defaultValue={state.values.duplicateNir}
        error={state.fieldErrors.duplicateNir} autoComplete="off" hint="Le profil en double sera fermé (motif « doublon ») ; son compte et ses représentants légaux passent sur ce profil." />
      <Field id={scopedId('reason', scope)} label={LABELS.reason} name="reason" required defaultValue={state.values.reason} error={state.fieldErrors.reason}
        autoComplete="off" hint="Par exemple « NIR provisoire remplacé par le NIR définitif »." />
      <SubmitButton variant="danger">Fusionner dans ce profil</SubmitButton>
    </form>
  );
}
