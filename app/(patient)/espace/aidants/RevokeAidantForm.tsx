'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ScopedFormFeedback, scopedId } from '@/components/representatives/ScopedFormFeedback';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = {
  linkId: string; side: 'aide' | 'aidant'; name: string; pending?: boolean;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** AID-6: ends an aidant link at once, after a confirmation tied to the button's form. */
export function RevokeAidantForm({ linkId, side, name, pending, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = { confirmed: 'Confirmation' };
  const what = side === 'aidant' ? `Ne plus aider ${name}` : pending ? `Annuler l’invitation de ${name}` : `Retirer l’accès de ${name}`;
  const confirm = side === 'aidant'
    ? `Je confirme ne plus vouloir aider ${name} : mon accès à son profil prend fin immédiatement`
    : pending ? `Je confirme annuler l’invitation envoyée à ${name}` : `Je confirme retirer à ${name} l’accès à mon profil, immédiatement`;
  return (
    <form action={formAction} key={state.version} noValidate aria-label={what} className="mt-3">
      <ScopedFormFeedback state={state} labels={labels} scope={linkId} />
      <input type="hidden" name="linkId" value={linkId} />
      <input type="hidden" name="side" value={side} />
      <Checkbox name="confirmed" id={scopedId('confirmed', linkId)} value="oui" required error={state.fieldErrors.confirmed} label={confirm}
        hint={side === 'aidant' ? 'La personne aidée en est prévenue.' : 'La personne en est prévenue.'} />
      <SubmitButton variant="danger">{what}</SubmitButton>
    </form>
  );
}
