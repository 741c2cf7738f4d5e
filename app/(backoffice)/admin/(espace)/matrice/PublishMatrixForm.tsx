'use client';
import { useActionState } from 'react';
import { Field, Textarea } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { fichier: 'Fichier CSV de la nouvelle version', dateEffet: 'Date d’effet', note: 'Note' };

/** BO-7: a new version is a whole file, an effective date (today or later) and a note; never an edit in place. */
export function PublishMatrixForm({ action, today }: { action: (s: FormState, f: FormData) => Promise<FormState>; today: string }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.fichier} name="fichier" type="file" accept=".csv,text/csv" required error={e.fichier}
        hint="Séparateur point-virgule, UTF-8, ligne d’en-tête « profession;specialite;type;code;decision ». type : TYPE (code LOINC) ou CATEGORY ; decision : ALLOW ou DENY. Le fichier remplace toutes les règles : une combinaison absente est refusée." />
      <Field label={LABELS.dateEffet} name="dateEffet" required defaultValue={v.dateEffet ?? today} error={e.dateEffet} autoComplete="off"
        inputClassName="max-w-48" hint="Format : JJ/MM/AAAA. Aujourd’hui ou plus tard ; aujourd’hui : la version s’applique dès sa publication." />
      <Textarea label={LABELS.note} name="note" required defaultValue={v.note} error={e.note} rows={3} maxLength={500}
        hint="Ce qui change et pourquoi (500 caractères au plus)." />
      <SubmitButton>Publier la nouvelle version</SubmitButton>
    </form>
  );
}
