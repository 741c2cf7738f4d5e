'use client';
import { useActionState } from 'react';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = { invitationId: string; labelledBy: string; action: (s: FormState, f: FormData) => Promise<FormState> };

/** REP-3: the invitee accepts or refuses; the form is named by the invitation it answers. */
export function InvitationAnswerForm({ invitationId, labelledBy, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} aria-labelledby={labelledBy} className="mt-4">
      <FormFeedback state={state} labels={{}} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <div className="flex flex-wrap gap-3">
        <SubmitButton name="answer" value="accept">Accepter</SubmitButton>
        <SubmitButton name="answer" value="refuse" variant="secondary">Refuser</SubmitButton>
      </div>
    </form>
  );
}
