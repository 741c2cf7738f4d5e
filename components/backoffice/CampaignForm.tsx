'use client';
import { useActionState } from 'react';
import { Field } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { count, plural } from './campaign-format';

const LABELS = { name: 'Nom de la campagne', departements: 'Départements', birthsSince: 'Inclure les naissances enregistrées depuis le' };

/** The estimate, in words: "4 personnes, dont 1 par courrier postal et 0 enfant (avis adressé au parent principal)". */
function estimate(data: Record<string, string>): string {
  const [total, letters, children, duplicates] = [Number(data.total), Number(data.letters), Number(data.children), Number(data.duplicates ?? 0)];
  const main = `${plural(total, 'personne')}, dont ${count.format(letters)} par courrier postal et ${plural(children, 'enfant')} (avis adressé au parent principal).`;
  // CMP-10: duplicates are not written to; they go to "Ouvertures impossibles".
  return duplicates > 0 ? `${main} ${plural(duplicates, 'identité')} en double : pas d’avis, cas transmis aux « Ouvertures impossibles ».` : main;
}

/** BO-1, CMP-1: the campaign's name and targets; "Estimer" answers in the status region below, values kept. */
export function CampaignForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <div className="max-w-2xl">
      <form action={formAction} key={state.version} noValidate className="rounded-lg border border-border bg-white p-6">
        <FormFeedback state={state} labels={LABELS} />
        <Field label={LABELS.name} name="name" required defaultValue={v.name} error={e.name} autoComplete="off" maxLength={120}
          hint="Par exemple « Creuse et Haute-Vienne — printemps 2026 ». Au moins 3 caractères." />
        <Field label={LABELS.departements} name="departements" defaultValue={v.departements} error={e.departements} autoComplete="off"
          hint="Codes séparés par des virgules ou des espaces, par exemple « 23, 87 » ; 2A et 2B pour la Corse, 971 à 976 pour l’outre-mer." />
        <Field label={LABELS.birthsSince} name="birthsSince" defaultValue={v.birthsSince} error={e.birthsSince} autoComplete="off"
          inputClassName="max-w-48"
          hint="Facultatif. Format : JJ/MM/AAAA. Les enfants déclarés depuis cette date rejoignent la campagne au fil des déclarations." />
        <div className="flex flex-wrap gap-3">
          <SubmitButton variant="secondary" name="intent" value="preview">Estimer le nombre de destinataires</SubmitButton>
          <SubmitButton name="intent" value="create">Créer la campagne</SubmitButton>
        </div>
        <p className="mt-3 text-sm text-muted">La campagne est créée sans rien envoyer : vous la lancerez ou la programmerez ensuite.</p>
      </form>
      <div role="status" className="mt-4">
        {state.status === 'success' && state.data && (
          <p className="rounded-md border-l-4 border-info-700 bg-info-50 p-4">
            <span className="font-bold">Estimation : </span>{estimate(state.data)}
          </p>
        )}
      </div>
    </div>
  );
}
