'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** The confirmation's only button; a refusal (already revoked...) is announced above it. */
export function RevokeClientForm({ id, action }: { id: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate>
      <FormFeedback state={state} labels={{}} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="danger">Révoquer définitivement</SubmitButton>
    </form>
  );
}
