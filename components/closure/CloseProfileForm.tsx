'use client';
import { useActionState } from 'react';
import { Checkbox } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { DeletionChoice } from './DeletionChoice';

type Props = { profileId: string; own: boolean; firstName: string; action: (s: FormState, f: FormData) => Promise<FormState> };

/** CLO-1: the holder (or a child's representative) closes on the web, optionally asking for deletion. */
export function CloseProfileForm({ profileId, own, firstName, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-3xl">
      <FormFeedback state={state} labels={{ confirmed: 'Confirmation' }} />
      <input type="hidden" name="profileId" value={profileId} />
      <DeletionChoice label={own ? 'Supprimer aussi mes données' : `Supprimer aussi les données de ${firstName}`} defaultChecked={v.deleteData === 'oui'}
        hint={`${own ? 'Vos' : 'Ses'} données seront supprimées définitivement dans les 30 jours, au plus tard sous 3 mois. Réactiver le profil avant la suppression annule la demande.`} />
      <Checkbox name="confirmed" value="oui" required error={state.fieldErrors.confirmed}
        label={own ? 'Je confirme vouloir fermer mon profil Mon espace santé' : `Je confirme vouloir fermer le profil Mon espace santé de ${firstName}`}
        hint={own ? 'Vous serez déconnecté(e) aussitôt.' : undefined} />
      <SubmitButton variant="danger">Fermer définitivement le profil</SubmitButton>
    </form>
  );
}
