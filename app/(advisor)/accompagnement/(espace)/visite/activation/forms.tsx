'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Action = (s: FormState, f: FormData) => Promise<FormState>;

const IDENTITY_LABELS = {
  ...CARTE_VITALE_LABELS, code: 'Code provisoire', cgu: 'Conditions générales d’utilisation',
};

/**
 * FS-3, ACT-1: the person types their carte Vitale data and their code provisoire on the advisor's screen.
 * The code is a password field: it is never shown nor sent back (FS-4).
 */
export function AssistedIdentityForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={IDENTITY_LABELS} />
      <CarteVitaleFields state={state} who="person" />
      <Field label={IDENTITY_LABELS.code} name="code" type="password" required autoComplete="off"
        hint="Les 8 caractères reçus par courriel ou par courrier. La personne le saisit elle-même : il ne s’affiche pas."
        error={state.fieldErrors.code} inputClassName="max-w-xs" />
      <Checkbox name="cgu" value="oui" required error={state.fieldErrors.cgu}
        label={<>La personne a lu et accepte les <a href="/cgu" target="_blank" rel="noopener">conditions générales d’utilisation et la politique de confidentialité (nouvel onglet)</a>.</>} />
      <SubmitButton>Vérifier et continuer</SubmitButton>
    </form>
  );
}

/** ACT-9: the 6-digit code the person received, typed by them in a password field (never shown, FS-4). */
export function AssistedOtpForm({ action, email }: { action: Action; email: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={{ otp: 'Code reçu par courriel' }} />
      <Field label="Code reçu par courriel" name="otp" type="password" inputMode="numeric" autoComplete="one-time-code" required maxLength={6}
        hint={`Un code à 6 chiffres a été envoyé à ${email}. Il est valable 10 minutes. La personne le saisit elle-même.`}
        inputClassName="max-w-48 tracking-widest" error={state.fieldErrors.otp} />
      <SubmitButton>Activer le profil</SubmitButton>
    </form>
  );
}
