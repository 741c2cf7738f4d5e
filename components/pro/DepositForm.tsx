'use client';
import { useActionState } from 'react';
import { Checkbox, Field, Select } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = {
  fichier: 'Fichier', title: 'Titre', typeCode: 'Type de document', documentDate: 'Date du document', masquePs: 'Masqué aux professionnels',
  invisiblePatient: 'Invisible au patient', invisibleRepresentatives: 'Non visible des représentants légaux', secret: 'Connexion secrète',
};

/** PRO-8, DOC-14, VIS-9/10/15: what a professional gives with a document. */
export function DepositForm({ action, profileId, replaces, types, minor, today }: {
  action: (s: FormState, f: FormData) => Promise<FormState>; profileId: string; replaces?: { id: string; title: string; typeCode: string | null };
  types: { value: string; label: string }[]; minor: boolean; today: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={LABELS} />
      <input type="hidden" name="profileId" value={profileId} />
      {replaces && <input type="hidden" name="remplace" value={replaces.id} />}
      <Field label={LABELS.fichier} name="fichier" type="file" accept=".pdf,.xml,application/pdf,text/xml" required error={e.fichier}
        hint="PDF ou document CDA R2 (XML), 5 Mo au plus." />
      <Field label={LABELS.title} name="title" required maxLength={200} defaultValue={v.title ?? replaces?.title} error={e.title} />
      <Select label={LABELS.typeCode} name="typeCode" required defaultValue={v.typeCode ?? replaces?.typeCode ?? ''} error={e.typeCode}
        placeholder="Choisissez le type (code LOINC)" options={types} hint="Le type détermine la catégorie du document dans le profil du patient." />
      <Field label={LABELS.documentDate} name="documentDate" defaultValue={v.documentDate ?? today} error={e.documentDate} inputClassName="max-w-48" hint="Format : JJ/MM/AAAA." />
      <fieldset className="mb-6">
        <legend className="mb-3 font-semibold">Confidentialité (facultatif)</legend>
        <Checkbox name="masquePs" label="Masquer ce document aux autres professionnels de santé" defaultChecked={v.masquePs === 'on'} error={e.masquePs}
          hint="Vous, le patient et son professionnel administrateur le verrez toujours." />
        <Checkbox name="invisiblePatient" label="Rendre ce document invisible au patient jusqu’à la consultation d’annonce" defaultChecked={v.invisiblePatient === 'on'}
          error={e.invisiblePatient} hint="Incompatible avec le masquage. Le patient ne sera pas informé du dépôt tant que le document lui reste invisible." />
        {minor && (
          <>
            <Checkbox name="invisibleRepresentatives" label="Ne pas rendre ce document visible aux représentants légaux (soins confidentiels du mineur)"
              defaultChecked={v.invisibleRepresentatives === 'on'} error={e.invisibleRepresentatives} />
            <Checkbox name="secret" label="Je suis en connexion secrète (le mineur a demandé le secret)" defaultChecked={v.secret === 'on'} error={e.secret}
              hint="En connexion secrète, le document doit être non visible des représentants légaux." />
          </>
        )}
      </fieldset>
      <SubmitButton>{replaces ? 'Déposer la nouvelle version' : 'Déposer le document'}</SubmitButton>
    </form>
  );
}
