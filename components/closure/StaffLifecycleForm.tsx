'use client';
import { useActionState, type ReactNode } from 'react';
import { Checkbox, Field, RadioGroup, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ScopedFormFeedback, scopedId } from '@/components/representatives/ScopedFormFeedback';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

export type LifecycleField =
  | { kind: 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'text'; name: string; label: string; hint?: string }
  | { kind: 'radio'; name: string; label: string; options: { value: string; label: string }[] }
  | { kind: 'checkbox'; name: string; label: string; hint?: string; required?: boolean };

/** Extra hidden values a form posts (e.g. which request it decides). */
type Hidden = Record<string, string>;

type Props = {
  /** Unique on the page: scopes the field ids and the error summary (several forms share a page). */
  scope: string; profileId: string; title: string; children?: ReactNode;
  fields?: readonly LifecycleField[]; submitLabel: string; variant?: 'primary' | 'secondary' | 'danger';
  action: (s: FormState, f: FormData) => Promise<FormState>;
  hidden?: Hidden;
};

/**
 * BO-6: one lifecycle action (closure, suspension, objection, lift, decision, death) in its own titled section;
 * FS-3: also an advisor's closure or deletion request with the person present.
 */
export function StaffLifecycleForm({ scope, profileId, title, children, fields = [], submitLabel, variant = 'secondary', action, hidden = {} }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const labels = Object.fromEntries(fields.map((f) => [f.name, f.label]));
  const headingId = `titre-${scope}`;
  return (
    <section aria-labelledby={headingId} className="mt-8 max-w-3xl rounded-lg border border-border bg-white p-6">
      <h2 id={headingId} className="mb-2 text-xl font-bold">{title}</h2>
      {children && <div className="mb-4 space-y-2 text-muted">{children}</div>}
      <form action={formAction} key={state.version} noValidate>
        <ScopedFormFeedback state={state} labels={labels} scope={scope} />
        <input type="hidden" name="profileId" value={profileId} />
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {fields.map((f) => {
          const common = { name: f.name, error: state.fieldErrors[f.name] };
          switch (f.kind) {
            case 'textarea':
              return <Textarea key={f.name} {...common} id={scopedId(f.name, scope)} label={f.label} hint={f.hint} required rows={3} defaultValue={state.values[f.name]} />;
            case 'text':
              return <Field key={f.name} {...common} id={scopedId(f.name, scope)} label={f.label} hint={f.hint} required autoComplete="off" defaultValue={state.values[f.name]} />;
            case 'radio':
              return <RadioGroup key={f.name} {...common} legend={f.label} options={f.options} defaultValue={state.values[f.name]} />;
            case 'checkbox':
              return <Checkbox key={f.name} {...common} id={scopedId(f.name, scope)} value="oui" label={f.label} hint={f.hint} required={f.required}
                defaultChecked={state.values[f.name] === 'oui'} />;
          }
        })}
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </form>
    </section>
  );
}
