'use client';
import { useActionState } from 'react';
import { Field, Select } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { givenName: 'Prénom', familyName: 'Nom', email: 'Adresse électronique professionnelle', siteId: 'Espace France Services' };

/** FS-1: name, professional email (the future identifiant) and site; the advisor then receives a link by email. */
export function CreateAdvisorForm({ action, sites }: {
  action: (s: FormState, f: FormData) => Promise<FormState>; sites: { value: string; label: string }[];
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={LABELS} />
      <Field label={LABELS.givenName} name="givenName" required defaultValue={v.givenName} error={e.givenName} autoComplete="off" maxLength={60} />
      <Field label={LABELS.familyName} name="familyName" required defaultValue={v.familyName} error={e.familyName} autoComplete="off" maxLength={60} />
      <Field label={LABELS.email} name="email" type="email" required defaultValue={v.email} error={e.email} autoComplete="off" maxLength={254}
        hint="Son adresse de travail, à son nom : elle sera aussi son identifiant de connexion. Par exemple prenom.nom@france-services.fr." />
      <Select label={LABELS.siteId} name="siteId" required defaultValue={v.siteId ?? ''} error={e.siteId} placeholder="Choisissez un espace"
        options={sites} />
      <SubmitButton>Créer le compte et envoyer le lien</SubmitButton>
    </form>
  );
}
