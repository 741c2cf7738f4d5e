'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { ...CARTE_VITALE_LABELS, withdrawOpposition: 'Retrait de l’opposition' };

/** CMP-8 online: the carte Vitale identifies; the code goes to the email the fund holds. */
export function NewCodeForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  // OPP-9: the box appears once the person turned out to have opposed, and stays on later errors.
  const opposed = !!state.fieldErrors.withdrawOpposition || v.opposedAsked === 'oui';
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <CarteVitaleFields state={state} />
      {opposed && (
        <>
          <input type="hidden" name="opposedAsked" value="oui" />
          <Checkbox name="withdrawOpposition" value="oui" required defaultChecked={v.withdrawOpposition === 'oui'} error={state.fieldErrors.withdrawOpposition}
            label="Je reviens sur mon opposition : je souhaite que mon profil Mon espace santé soit créé"
            hint="Votre profil sera créé aussitôt et un code provisoire vous sera envoyé pour l’activer. Vous pourrez le fermer à tout moment." />
        </>
      )}
      <SubmitButton>Recevoir un nouveau code</SubmitButton>
    </form>
  );
}
