'use client';
import { useActionState } from 'react';
import { Field, Select, Textarea } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';
import { CARE_CATEGORY_LABELS } from '@/lib/prevention-campaigns/rules';

const LABELS = {
  name: 'Nom de la campagne', title: 'Titre du message', body: 'Texte du message', teaser: 'Accroche du courriel',
  minAge: 'Âge minimal (ans)', maxAge: 'Âge maximal (ans)', sex: 'Sexe', departements: 'Départements',
  historyCategory: 'Remboursement', historyPresence: 'Présence du remboursement', historyMonths: 'Période (mois)',
};
const SEX = [{ value: '', label: 'Femmes et hommes' }, { value: '2', label: 'Femmes' }, { value: '1', label: 'Hommes' }];
const CATEGORIES = [{ value: '', label: 'Pas de critère de remboursement' },
  ...Object.entries(CARE_CATEGORY_LABELS).map(([value, label]) => ({ value, label: label[0]!.toUpperCase() + label.slice(1) }))];
const PRESENCE = [{ value: 'absent', label: 'Aucun remboursement de ce type sur la période' }, { value: 'present', label: 'Au moins un remboursement de ce type sur la période' }];

/** PRV-6, BO: the message, and the rules as data; « Estimer » counts the targets with the delivery's own SQL. */
export function PreventionCampaignForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  return (
    <div className="max-w-2xl">
      <form action={formAction} key={state.version} noValidate className="rounded-lg border border-border bg-white p-6">
        <FormFeedback state={state} labels={LABELS} />
        <Field label={LABELS.name} name="name" required defaultValue={v.name} error={e.name} autoComplete="off" maxLength={120}
          hint="Visible des agents seulement. De 3 à 120 caractères." />
        <fieldset className="mb-6">
          <legend className="mb-3 text-xl font-bold">Message</legend>
          <Field label={LABELS.title} name="title" required defaultValue={v.title} error={e.title} autoComplete="off" maxLength={100}
            hint="100 caractères au plus. Il apparaît sur la page d’accueil du patient." />
          <Textarea label={LABELS.body} name="body" required defaultValue={v.body} error={e.body} rows={6} maxLength={4000} />
          <Field label={LABELS.teaser} name="teaser" required defaultValue={v.teaser} error={e.teaser} autoComplete="off" maxLength={200}
            hint="Aucune information de santé : le courriel invite seulement à se connecter. 200 caractères au plus." />
        </fieldset>
        <fieldset className="mb-6">
          <legend className="mb-3 text-xl font-bold">Ciblage</legend>
          <p className="mb-4 text-sm text-muted">Seuls les profils actifs sont visés, hors refus des messages de prévention et hors message reçu dans les 7 derniers jours.</p>
          <div className="flex flex-wrap gap-4">
            <Field label={LABELS.minAge} name="minAge" inputMode="numeric" defaultValue={v.minAge} error={e.minAge} inputClassName="max-w-24" autoComplete="off" />
            <Field label={LABELS.maxAge} name="maxAge" inputMode="numeric" defaultValue={v.maxAge} error={e.maxAge} inputClassName="max-w-24" autoComplete="off" />
          </div>
          <Select label={LABELS.sex} name="sex" options={SEX} defaultValue={v.sex ?? ''} error={e.sex} />
          <Field label={LABELS.departements} name="departements" defaultValue={v.departements} error={e.departements} autoComplete="off"
            hint="Facultatif. Codes séparés par des virgules ou des espaces, par exemple « 23, 87 »." />
          <Select label={LABELS.historyCategory} name="historyCategory" options={CATEGORIES} defaultValue={v.historyCategory ?? ''} error={e.historyCategory} />
          <Select label={LABELS.historyPresence} name="historyPresence" options={PRESENCE} defaultValue={v.historyPresence ?? 'absent'} error={e.historyPresence} />
          <Field label={LABELS.historyMonths} name="historyMonths" inputMode="numeric" defaultValue={v.historyMonths ?? '12'} error={e.historyMonths}
            inputClassName="max-w-24" autoComplete="off" hint="De 1 à 120 mois, comptés jusqu’à aujourd’hui." />
        </fieldset>
        <div className="flex flex-wrap gap-3">
          <SubmitButton variant="secondary" name="intent" value="preview">Estimer le nombre de profils</SubmitButton>
          <SubmitButton name="intent" value="create">Créer la campagne</SubmitButton>
        </div>
        <p className="mt-3 text-sm text-muted">La campagne est créée sans rien envoyer : vous la lancerez ensuite.</p>
      </form>
      <div role="status" className="mt-4">
        {state.status === 'success' && state.data && (
          <p className="rounded-md border-l-4 border-info-700 bg-info-50 p-4">
            <span className="font-bold">Estimation : </span>{state.data.count} profil{Number(state.data.raw) > 1 ? 's' : ''} recevrai{Number(state.data.raw) > 1 ? 'ent' : 't'} ce message aujourd’hui.
          </p>
        )}
      </div>
    </div>
  );
}
