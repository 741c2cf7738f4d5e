'use client';
import { useActionState, type ReactNode } from 'react';
import { Checkbox, Textarea } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { ScopedFormFeedback, scopedId } from '@/components/representatives/ScopedFormFeedback';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

export type LifecycleField =
  | { kind: 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'checkbox'; name: string; label: string; hint?: string; required?: boolean };

type Props = {
  /** Unique on the page: scopes the field ids and the error summary (several forms share a page). */
  scope: string; profileId: string; title: string; children?: ReactNode;
  fields?: readonly LifecycleField[]; submitLabel: string; variant?: 'primary' | 'secondary' | 'danger';
  action: (s: FormState, f: FormData) => Promise<FormState>;
};

/** BO-6: one lifecycle action (closure, suspension, objection, lift, decision, death) in its own titled section. */
export function StaffLifecycleForm({ scope, profileId, title, children, fields = [], submitLabel, variant = 'secondary', action }: Props) {
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
        {fields.map((f) => f.kind === 'textarea'
          ? <Textarea key={f.name} name={f.name} id={scopedId(f.name, scope)} label={f.label} hint={f.hint} required rows={3}
              defaultValue={state.values[f.name]} error={state.fieldErrors[f.name]} />
          : <Checkbox key={f.name} name={f.name} id={scopedId(f.name, scope)} value="oui" label={f.label} hint={f.hint} required={f.required}
              defaultChecked={state.values[f.name] === 'oui'} error={state.fieldErrors[f.name]} />)}
        <SubmitButton variant={variant}>{submitLabel}</SubmitButton>
      </form>
    </section>
  );
}
