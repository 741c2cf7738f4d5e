'use client';
import { useActionState } from 'react';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** BO-9: one "Relancer" button per failed item, announcing its result politely. */
export function RetryJobButton({ id, action }: { id: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary">{`Relancer la tâche ${id}`}</SubmitButton>
      <p role="status" className="mt-1 text-sm">{state.message}</p>
    </form>
  );
}
