'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert, ErrorSummary, Field, RadioGroup, Select, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import type { FieldSpec } from './entry-forms';

type Props = {
  kind: string;
  profileId: string;
  /** Set when the form edits an entry. */
  entryId?: string;
  title: string;
  submit: string;
  fields: readonly FieldSpec[];
  /** The stored values when editing. */
  defaults?: Record<string, string>;
  /** DOC-8: the documents a hospitalisation may be linked to. */
  documentOptions?: readonly { value: string; label: string }[];
  /** PRF-1 CIP lookup: names offered while typing. */
  suggestions?: readonly string[];
  cancelHref?: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/**
 * PRF-1..5: one entry's form, drawn from its field list. Posts to a server action (works without
 * JavaScript); every error comes back on its field (aria-describedby) and in the summary above, with
 * the values typed kept.
 */
export function EntryForm({ kind, profileId, entryId, title, submit, fields, defaults = {}, documentOptions = [], suggestions = [], cancelHref, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const values = state.status === 'error' ? state.values : defaults;
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({ field, message: labels[field] ? `${labels[field]} : ${message}` : message }));
  const headingId = `formulaire-${kind.toLowerCase()}`;
  const listId = `suggestions-${kind.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="mb-10 max-w-2xl rounded-lg border border-border bg-white p-6">
      <h2 id={headingId} className="mb-4 text-2xl font-bold">{title}</h2>
      <form action={formAction} key={state.version} noValidate>
        {state.status === 'error' && state.message && <Alert variant="error" title="Nous n’avons pas pu enregistrer">{state.message}</Alert>}
        <ErrorSummary errors={errors} id={`resume-erreurs-${kind.toLowerCase()}`} />
        <input type="hidden" name="profileId" value={profileId} />
        <input type="hidden" name="kind" value={kind} />
        {entryId && <input type="hidden" name="entryId" value={entryId} />}
        {fields.map((f) => {
          const common = { key: f.name, label: f.label, name: f.name, hint: f.hint, required: f.required, error: state.fieldErrors[f.name] };
          const value = values[f.name] ?? '';
          switch (f.type) {
            case 'textarea':
              return <Textarea {...common} rows={3} maxLength={f.maxLength} defaultValue={value} />;
            case 'select':
              return <Select {...common} placeholder="Choisissez dans la liste" options={f.options ?? []} defaultValue={value} />;
            case 'document':
              return <Select {...common} placeholder="Aucun document" options={documentOptions} defaultValue={value} />;
            case 'radio':
              return <RadioGroup key={f.name} legend={f.label} name={f.name} hint={f.hint} required={f.required} error={state.fieldErrors[f.name]}
                options={f.options ?? []} defaultValue={value} />;
            case 'date':
              return <Field {...common} type="date" defaultValue={value} inputClassName="max-w-56" />;
            default:
              return <Field {...common} type={f.type} maxLength={f.maxLength} autoComplete={f.autoComplete} defaultValue={value}
                list={f.suggestions && suggestions.length ? listId : undefined} />;
          }
        })}
        {suggestions.length > 0 && <datalist id={listId}>{suggestions.map((s) => <option key={s} value={s} />)}</datalist>}
        <div className="flex flex-wrap items-center gap-6">
          <SubmitButton>{submit}</SubmitButton>
          {cancelHref && <Link href={cancelHref} className="inline-flex min-h-11 items-center font-semibold">Annuler</Link>}
        </div>
      </form>
    </section>
  );
}
