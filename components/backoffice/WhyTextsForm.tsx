'use client';
import { useActionState } from 'react';
import { Field, Textarea } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

type Props = {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  today: string;
  fields: { key: string; label: string; placeholders: Record<string, string>; text: string }[];
  samples: string[];
};

/** BO-7, PRV-7: every template of the new version, previewed on sample people, then published with a date and a note. */
export function WhyTextsForm({ action, today, fields, samples }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const labels = { ...Object.fromEntries(fields.map((f) => [f.key, f.label])), dateEffet: 'Date d’effet', note: 'Note' };
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-3xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={labels} />
      {fields.map((f) => {
        const names = Object.entries(f.placeholders);
        return (
          <Textarea key={f.key} label={f.label} name={f.key} required rows={2} maxLength={300} defaultValue={v[f.key] ?? f.text} error={e[f.key]}
            hint={names.length ? `Champs possibles : ${names.map(([n, what]) => `{${n}} (${what})`).join(', ')}.` : 'Ce texte n’accepte aucun champ entre accolades.'} />
        );
      })}
      {state.data && (
        <section aria-labelledby="apercu" className="mb-6 rounded border border-border bg-info-50 p-4" aria-live="polite">
          <h3 id="apercu" className="mb-2 text-xl font-bold">Aperçu</h3>
          <dl>
            {samples.map((label, i) => (
              <div key={label} className="mb-3">
                <dt className="font-semibold">{label}</dt>
                {(state.data?.[`preview_${i}`] ?? '').split('\n').map((line) => <dd key={line} className="ml-4">{line}</dd>)}
              </div>
            ))}
          </dl>
        </section>
      )}
      <Field label={labels.dateEffet} name="dateEffet" required defaultValue={v.dateEffet ?? today} error={e.dateEffet} autoComplete="off"
        inputClassName="max-w-48" hint="Format : JJ/MM/AAAA. Aujourd’hui ou plus tard ; aujourd’hui : la version s’applique dès sa publication." />
      <Textarea label={labels.note} name="note" required defaultValue={v.note} error={e.note} rows={2} maxLength={500} hint="Ce qui change et pourquoi (500 caractères au plus)." />
      <div className="flex flex-wrap gap-4">
        <SubmitButton name="intent" value="preview" variant="secondary">Prévisualiser</SubmitButton>
        <SubmitButton name="intent" value="publish">Publier la nouvelle version</SubmitButton>
      </div>
    </form>
  );
}
