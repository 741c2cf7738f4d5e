'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { ScopedFormFeedback, scopedId } from './ScopedFormFeedback';

type Props = { childId: string; firstName: string; action: (s: FormState, f: FormData) => Promise<FormState> };

/** REP-2: the parent principal types the child's code provisoire and certifies being their legal representative. */
export function ActivateChildForm({ childId, firstName, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = { code: `Code provisoire de ${firstName}`, certified: 'Certification' };
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl">
      <ScopedFormFeedback state={state} labels={labels} scope={childId} />
      <input type="hidden" name="profileId" value={childId} />
      <Field label={labels.code} name="code" id={scopedId('code', childId)} required autoComplete="off" defaultValue=""
        hint="8 caractères, reçu par courrier ou courriel" error={state.fieldErrors.code} inputClassName="max-w-xs uppercase tracking-widest" />
      <Checkbox name="certified" id={scopedId('certified', childId)} value="oui" required defaultChecked={state.values.certified === 'oui'}
        label={`Je certifie être le représentant légal de ${firstName}`} error={state.fieldErrors.certified} />
      <SubmitButton>{`Activer le profil de ${firstName}`}</SubmitButton>
    </form>
  );
}
