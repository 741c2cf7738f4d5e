'use client';
import { useActionState } from 'react';
import { ActionFeedback } from './ActionFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import type { ButtonVariant } from '@/components/ui';

type Props = {
  campaignId: string; command: 'start' | 'pause' | 'resume' | 'retry' | 'unschedule'; label: string; hint?: string; variant?: ButtonVariant;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** BO-1: one command on a campaign, as a button; a refusal is announced above it, success reloads the page. */
export function CampaignCommandButton({ campaignId, command, label, hint, variant = 'primary', action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="mb-6">
      <ActionFeedback state={state} labels={{}} id={command} />
      <input type="hidden" name="campaignId" value={campaignId} />
      <input type="hidden" name="command" value={command} />
      <SubmitButton variant={variant}>{label}</SubmitButton>
      {hint && <p className="mt-2 text-sm text-muted">{hint}</p>}
    </form>
  );
}
