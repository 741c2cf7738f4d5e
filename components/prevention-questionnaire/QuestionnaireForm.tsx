'use client';
import Link from 'next/link';
import { useActionState } from 'react';
import { Alert, Checkbox, ErrorSummary, Field, RadioGroup, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { HIDE_FIELD, type Section } from '@/lib/prevention-questionnaire/questions';

type Props = {
  profileId: string;
  sections: readonly Section[];
  /** The saved answers when editing, as the form's values. */
  defaults: Record<string, string>;
  hidden: boolean;
  editing: boolean;
  cancelHref: string;
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/**
 * PRV-10: the « Mon bilan prévention » self-questionnaire, one section per theme. Posts to a server
 * action (works without JavaScript); every error comes back on its question and in the summary, with
 * the answers kept.
 */
export function QuestionnaireForm({ profileId, sections, defaults, hidden, editing, cancelHref, action }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const values = state.status === 'error' ? state.values : defaults;
  const labels = new Map(sections.flatMap((s) => s.questions.map((q) => [q.id, q.label] as const)));
  const errors = Object.entries(state.fieldErrors).map(([field, message]) => ({ field, message: labels.has(field) ? `${labels.get(field)} — ${message}` : message }));
  const hideChecked = state.status === 'error' ? values[HIDE_FIELD] === 'oui' : hidden;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-3xl">
      {state.status === 'error' && state.message && <Alert variant="error" title="Nous n’avons pas pu enregistrer vos réponses">{state.message}</Alert>}
      <ErrorSummary errors={errors} />
      <input type="hidden" name="profileId" value={profileId} />
      {sections.map((s) => (
        <section key={s.id} aria-labelledby={`theme-${s.id}`} className="mb-8 rounded-lg border border-border bg-white p-6">
          <h2 id={`theme-${s.id}`} className="mb-2 text-2xl font-bold">{s.title}</h2>
          {s.intro && <p className="mb-4 text-muted">{s.intro}</p>}
          {s.questions.map((q) => {
            const error = state.fieldErrors[q.id];
            const value = values[q.id] ?? '';
            switch (q.kind) {
              case 'choice':
                return <RadioGroup key={q.id} legend={q.label} name={q.id} hint={q.hint} required={q.required} error={error}
                  options={q.options} defaultValue={value} />;
              case 'number':
                return <Field key={q.id} label={`${q.label} (${q.unit})`} name={q.id} hint={`Par exemple : ${q.example}`} error={error}
                  inputMode="decimal" defaultValue={value} inputClassName="max-w-40" />;
              case 'text':
                return <Textarea key={q.id} label={q.label} name={q.id} hint={q.hint} error={error} rows={4} maxLength={q.maxLength} defaultValue={value} />;
            }
          })}
        </section>
      ))}
      <section aria-labelledby="theme-partage" className="mb-8 rounded-lg border border-border bg-white p-6">
        <h2 id="theme-partage" className="mb-2 text-2xl font-bold">Partage avec les professionnels de santé</h2>
        <p className="mb-2">Vos réponses sont enregistrées dans vos documents. Les professionnels de santé autorisés à accéder à votre profil
          peuvent les consulter lors de votre rendez-vous de prévention, sauf si vous vous y opposez.</p>
        <Checkbox name={HIDE_FIELD} value="oui" defaultChecked={hideChecked} label="Ne pas partager ce questionnaire avec les professionnels de santé"
          hint="Vous pourrez changer d’avis à tout moment." />
      </section>
      <div className="flex flex-wrap items-center gap-6">
        <SubmitButton>{editing ? 'Enregistrer mes nouvelles réponses' : 'Enregistrer mes réponses'}</SubmitButton>
        <Link href={cancelHref} className="inline-flex min-h-11 items-center font-semibold">Annuler</Link>
      </div>
    </form>
  );
}
