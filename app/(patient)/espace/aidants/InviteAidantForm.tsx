'use client';
import { useActionState } from 'react';
import { Checkbox, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = { describedBy: string; action: (s: FormState, f: FormData) => Promise<FormState> };

/** AID-3: the aidant, identified by NIR and date of birth, and the holder's declaration. */
export function InviteAidantForm({ describedBy, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = { nir: 'Numéro de sécurité sociale de la personne invitée', birthDate: 'Date de naissance de la personne invitée', declared: 'Déclaration' };
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate aria-describedby={describedBy} className="max-w-2xl">
      <FormFeedback state={state} labels={labels} />
      <Field label={labels.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="Les 15 caractères de sa carte Vitale, clé comprise." inputClassName="max-w-md" />
      <Field label={labels.birthDate} name="birthDate" required autoComplete="off" defaultValue={v.birthDate} error={state.fieldErrors.birthDate}
        hint="Format : JJ/MM/AAAA, par exemple 21/03/1985." inputClassName="max-w-xs" />
      <Checkbox name="declared" value="oui" required defaultChecked={v.declared === 'oui'} error={state.fieldErrors.declared}
        label="Je déclare que cette personne majeure m’aide dans ma vie quotidienne, à titre non professionnel, et je souhaite lui donner accès à mon profil" />
      <SubmitButton>Envoyer l’invitation</SubmitButton>
    </form>
  );
}
