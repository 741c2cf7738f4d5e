'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** BO-3: one button, its outcome announced above it. */
export function ReissueCodeForm({ profileId, action }: { profileId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-8 max-w-2xl">
      <FormFeedback state={state} labels={{}} />
      <input type="hidden" name="profileId" value={profileId} />
      <SubmitButton variant="secondary">Envoyer un nouveau code provisoire</SubmitButton>
      <p className="mt-2 text-sm text-muted">Au plus 3 codes par 24 heures ; le nouveau code remplace les précédents.</p>
    </form>
  );
}
