'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** One button on one advisor account (deactivate, reactivate, reset); a refusal is announced above it. */
export function AdvisorActionForm({ id, action, label, variant }: {
  id: string; action: (s: FormState, f: FormData) => Promise<FormState>; label: string; variant?: 'danger' | 'secondary';
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <FormFeedback state={state} labels={{}} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
