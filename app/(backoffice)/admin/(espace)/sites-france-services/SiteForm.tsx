'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { name: 'Nom de l’espace', commune: 'Commune', departement: 'Département' };

/** FS-1: a site's name, commune and département code, to create it or to edit it (`site` given). */
export function SiteForm({ action, site, submitLabel }: {
  action: (s: FormState, f: FormData) => Promise<FormState>; submitLabel: string;
  site?: { id: string; name: string; commune: string; departement: string };
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.version > 0 ? state.values : { name: site?.name ?? '', commune: site?.commune ?? '', departement: site?.departement ?? '' };
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={LABELS} />
      {site && <input type="hidden" name="id" value={site.id} />}
      <Field label={LABELS.name} name="name" required defaultValue={v.name} error={e.name} autoComplete="off" maxLength={120}
        hint="Par exemple France Services de Guéret. Deux espaces d’une même commune ne peuvent pas porter le même nom." />
      <Field label={LABELS.commune} name="commune" required defaultValue={v.commune} error={e.commune} autoComplete="off" maxLength={80} />
      <Field label={LABELS.departement} name="departement" required defaultValue={v.departement} error={e.departement} autoComplete="off"
        maxLength={3} inputClassName="max-w-32" hint="Le code : deux chiffres (par exemple 23), 2A ou 2B pour la Corse, 971 à 974 ou 976 pour l’outre-mer." />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
