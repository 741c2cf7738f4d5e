'use client';
import { useActionState } from 'react';
import { Alert, Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

const LABELS = { name: 'Nom du logiciel', editor: 'Éditeur', finess: 'Numéro FINESS de l’établissement', facilityName: 'Raison sociale de l’établissement' };

/** PRO-1, PRO-2: register a software; its secret is shown here once, right after the registration. */
export function RegisterClientForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const created = state.status === 'success' ? state.data : undefined;
  return (
    <>
      {created && (
        <Alert variant="warning" title={`« ${created.name} » est enregistré : copiez son secret maintenant`}>
          <p>Transmettez ces identifiants à l’éditeur par un canal sûr. <strong>Le secret ne sera plus jamais affiché</strong> : il n’est conservé que sous une forme qui ne permet pas de le relire. S’il est perdu, révoquez ce logiciel et enregistrez-le à nouveau.</p>
          <dl className="mt-3 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            <dt className="font-semibold">Identifiant client (client_id)</dt>
            <dd><code className="break-all">{created.clientId}</code></dd>
            <dt className="font-semibold">Secret (client_secret)</dt>
            <dd><code className="break-all">{created.clientSecret}</code></dd>
          </dl>
        </Alert>
      )}
      <form action={formAction} key={state.version} noValidate className="max-w-2xl rounded-lg border border-border bg-white p-6">
        <FormFeedback state={state} labels={LABELS} />
        <Field label={LABELS.name} name="name" required defaultValue={v.name} error={e.name} autoComplete="off" maxLength={100}
          hint="Tel que les professionnels le connaissent, par exemple avec sa version." />
        <Field label={LABELS.editor} name="editor" required defaultValue={v.editor} error={e.editor} autoComplete="organization" maxLength={100} />
        <fieldset className="mb-6">
          <legend className="mb-2 font-semibold">Logiciel d’établissement (facultatif)</legend>
          <p className="mb-4 text-muted">Renseignez ces deux champs seulement pour le logiciel d’un établissement de santé : il agira au nom de l’établissement en indiquant à chaque appel le professionnel qui l’utilise. Laissez-les vides pour un logiciel de cabinet, dont chaque professionnel se connecte par Pro Santé Connect.</p>
          <Field label={LABELS.finess} name="finess" defaultValue={v.finess} error={e.finess} autoComplete="off" inputMode="text" maxLength={11}
            inputClassName="max-w-48" hint="9 caractères, par exemple 750712184." />
          <Field label={LABELS.facilityName} name="facilityName" defaultValue={v.facilityName} error={e.facilityName} autoComplete="off" maxLength={150} />
        </fieldset>
        <SubmitButton>Enregistrer le logiciel</SubmitButton>
      </form>
    </>
  );
}
