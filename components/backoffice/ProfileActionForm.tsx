'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = {
  profileId: string; label: string; hint?: string; variant?: 'secondary' | 'danger';
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** One back-office action on a profile (new code, withdrawal…): a button, its outcome announced above it. */
export function ProfileActionForm({ profileId, label, hint, variant = 'secondary', action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mt-8 max-w-2xl">
      <FormFeedback state={state} labels={{}} />
      <input type="hidden" name="profileId" value={profileId} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
      {hint && <p className="mt-2 text-sm text-muted">{hint}</p>}
    </form>
  );
}
