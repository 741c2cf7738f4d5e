'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { CARTE_VITALE_LABELS, CarteVitaleFields } from '@/components/forms/CarteVitaleFields';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = {
  ...CARTE_VITALE_LABELS, code: 'Code provisoire', cgu: 'Conditions générales d’utilisation', reopenConsent: 'Réouverture du profil',
};

/** ACT-1 (a): the person identifies with their carte Vitale and the code provisoire of their notice. */
export function IdentityStepForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  // CLO-6, CLO-7: the box appears once the profile turned out to be closed, and stays on later errors.
  const reopening = !!state.fieldErrors.reopenConsent || v.reopenAsked === 'oui';
  return (
    <form action={formAction} key={state.version} noValidate>
      <FormFeedback state={state} labels={LABELS} />
      <CarteVitaleFields state={state} />
      <Field label={LABELS.code} name="code" required autoComplete="off" defaultValue=""
        hint={reopening ? 'Saisissez à nouveau les 8 caractères de votre code provisoire : par sécurité, il n’est pas conservé.' : 'Les 8 caractères reçus par courriel ou par courrier.'}
        error={state.fieldErrors.code} inputClassName="max-w-xs uppercase tracking-widest" />
      {reopening && (
        <>
          <input type="hidden" name="reopenAsked" value="oui" />
          <Checkbox name="reopenConsent" value="oui" required defaultChecked={v.reopenConsent === 'oui'} error={state.fieldErrors.reopenConsent}
            label="Je souhaite rouvrir mon profil et retrouver ses données"
            hint="Le profil retrouve ses documents, son profil médical, ses messages, son agenda et son historique. Les autorisations données aux professionnels, les aidants et les services connectés ne sont pas rétablis." />
        </>
      )}
      <Checkbox name="cgu" value="oui" required defaultChecked={v.cgu === 'oui'} error={state.fieldErrors.cgu}
        label={<>J’ai lu et j’accepte les <a href="/cgu" target="_blank" rel="noopener">conditions générales d’utilisation et la politique de confidentialité (nouvel onglet)</a>.</>} />
      <SubmitButton>Vérifier et continuer</SubmitButton>
    </form>
  );
}
