'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = { profileId: string; firstName: string; describedBy: string; action: (s: FormState, f: FormData) => Promise<FormState> };

/** REP-3 "Partager le profil": the second parent or a tutor, identified by NIR and date of birth. */
export function InviteRepresentativeForm({ profileId, firstName, describedBy, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = {
    nir: 'Numéro de sécurité sociale de la personne invitée', birthDate: 'Date de naissance de la personne invitée', certified: 'Certification',
  };
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate aria-describedby={describedBy} className="max-w-2xl">
      <FormFeedback state={state} labels={labels} />
      <input type="hidden" name="profileId" value={profileId} />
      <Field label={labels.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères de sa carte Vitale, clé comprise. La personne doit avoir activé son propre profil Mon espace santé."
        inputClassName="max-w-md" />
      <Field label={labels.birthDate} name="birthDate" required autoComplete="off" defaultValue={v.birthDate} error={state.fieldErrors.birthDate}
        hint="Format : JJ/MM/AAAA, par exemple 21/03/1985." inputClassName="max-w-xs" />
      <Checkbox name="certified" value="oui" required defaultChecked={v.certified === 'oui'} error={state.fieldErrors.certified}
        label={`Je certifie que cette personne est représentant légal de ${firstName}`} />
      <SubmitButton>Envoyer l’invitation</SubmitButton>
    </form>
  );
}
