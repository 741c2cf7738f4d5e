'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { ScopedFormFeedback, scopedId } from './ScopedFormFeedback';

type Props = {
  profileId: string; representationId: string; name: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** REP-6, BO-5: withdraw one representative's access on a court decision checked offline; confirmation required. */
export function RevokeRepresentativeForm({ profileId, representationId, name, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = { confirmed: 'Confirmation' };
  // On success the action redirects: the page itself confirms the withdrawal.
  return (
    <form action={formAction} key={state.version} noValidate aria-label={`Retrait de l’accès de ${name}`} className="mt-3">
      <ScopedFormFeedback state={state} labels={labels} scope={representationId} />
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="representationId" value={representationId} />
      <Checkbox name="confirmed" id={scopedId('confirmed', representationId)} value="oui" required error={state.fieldErrors.confirmed}
        label={`J’ai vérifié la décision de justice qui retire à ${name} l’accès à ce profil`}
        hint="L’accès est retiré immédiatement ; la personne est prévenue sans détail et ne pourra plus être invitée pour ce profil." />
      <SubmitButton variant="danger">Retirer l’accès (décision de justice)</SubmitButton>
    </form>
  );
}
