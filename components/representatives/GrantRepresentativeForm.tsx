'use client';
import { useActionState } from 'react';
import { Field, RadioGroup } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { nir: 'NIR du représentant légal', birthDate: 'Date de naissance du représentant légal', role: 'Rôle' };

/** BO-5: an agent adds a second parent who was not invited (REP-4) or a court-appointed guardian (REP-10). */
export function GrantRepresentativeForm({ profileId, action }: { profileId: string; action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  return (
    <form action={formAction} key={state.version} noValidate aria-labelledby="ajouter-representant"
      className="mt-6 max-w-2xl rounded-lg border border-border bg-white p-6">
      <h3 id="ajouter-representant" className="mb-2 text-lg font-bold">Ajouter un représentant légal</h3>
      <p className="mb-4 text-muted">
        Après vérification hors ligne des justificatifs. La personne doit avoir activé son propre profil Mon espace santé ;
        un profil a au plus deux représentants légaux.
      </p>
      <FormFeedback state={state} labels={LABELS} />
      <input type="hidden" name="profileId" value={profileId} />
      <Field label={LABELS.nir} name="nir" required autoComplete="off" defaultValue={v.nir} error={state.fieldErrors.nir}
        hint="15 caractères, clé comprise." inputClassName="max-w-md" />
      <Field label={LABELS.birthDate} name="birthDate" required autoComplete="off" defaultValue={v.birthDate}
        error={state.fieldErrors.birthDate} hint="Format : JJ/MM/AAAA." inputClassName="max-w-xs" />
      <RadioGroup legend={LABELS.role} name="role" required defaultValue={v.role} error={state.fieldErrors.role}
        options={[
          { value: 'SECOND_PARENT', label: 'Second parent', hint: 'Pour un mineur dont le second parent n’a pas été invité (REP-4).' },
          { value: 'GUARDIAN', label: 'Tuteur d’un majeur protégé', hint: 'Sur jugement de tutelle (REP-10) ; la curatelle passe par les aidants.' },
        ]} />
      <SubmitButton>Ajouter le représentant légal</SubmitButton>
    </form>
  );
}
