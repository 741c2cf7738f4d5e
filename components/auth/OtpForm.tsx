'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Action = (state: FormState, form: FormData) => Promise<FormState>;

/** ACT-9 / ACT-10 step 2: the 6-digit code received by email, with "send a new code" (ACT-11). */
export function OtpForm({ action, resendAction, email, submitLabel = 'Valider' }: { action: Action; resendAction: Action; email: string; submitLabel?: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const [resent, resendFormAction] = useActionState(resendAction, initialFormState);
  const feedback = resent.version > state.version ? resent : state;
  return (
    <>
      <form action={formAction} key={state.version} noValidate>
        <FormFeedback state={feedback} labels={{ otp: 'Code reçu par courriel' }} />
        <Field label="Code reçu par courriel" name="otp" inputMode="numeric" autoComplete="one-time-code" required
          hint={`Nous avons envoyé un code à 6 chiffres à ${email}. Il est valable 10 minutes.`}
          maxLength={6} pattern="[0-9]{6}" inputClassName="max-w-48 tracking-widest" error={feedback.fieldErrors.otp} />
        <SubmitButton>{submitLabel}</SubmitButton>
      </form>
      <form action={resendFormAction} className="mt-6">
        <p className="mb-2 text-sm">Vous n’avez rien reçu ? Vérifiez vos courriers indésirables, puis :</p>
        <SubmitButton variant="secondary">Recevoir un nouveau code</SubmitButton>
      </form>
    </>
  );
}
