'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { nir: 'Numéro de sécurité sociale', vitaleSerial: 'Numéro de série de la carte Vitale', birthDate: 'Date de naissance', withdrawOpposition: 'Retrait de l’opposition' };

/** CMP-8 online: the carte Vitale identifies; the code goes to the email the fund holds. */
export function NewCodeForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  // OPP-9: the box appears once the person turned out to have opposed, and stays on later errors.
  const opposed = !!state.fieldErrors.withdrawOpposition || v.opposedAsked === 'oui';
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères inscrits sur votre carte Vitale, clé comprise." inputClassName="max-w-md" />
      <Field label={LABELS.vitaleSerial} name="vitaleSerial" required inputMode="numeric" autoComplete="off" defaultValue={v.vitaleSerial}
        hint="Au dos de la carte Vitale : 11 chiffres pour une carte avec photo, 8 à 13 chiffres sans photo." error={state.fieldErrors.vitaleSerial} inputClassName="max-w-md" />
      <Field label={LABELS.birthDate} name="birthDate" required autoComplete="bday" defaultValue={v.birthDate}
        hint="Format : JJ/MM/AAAA." error={state.fieldErrors.birthDate} inputClassName="max-w-xs" />
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
