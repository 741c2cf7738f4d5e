'use client';
import { useActionState } from 'react';
import { Checkbox, Field, Select, Textarea } from '@/components/ui';
import { FormFeedback } from '@/components/forms/FormFeedback';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { initialFormState, type FormState } from '@/app/_forms/form-state';

/** One row of the draft as the form shows it (every value a string, dates JJ/MM/AAAA). */
export type EditionFormItem = {
  fromId: string; label: string; min: string; minDays: string; max: string; maxDays: string; every: string;
  sex: string; bornFrom: string; bornBefore: string; status: string; note: string;
};

type Props = {
  action: (s: FormState, f: FormData) => Promise<FormState>;
  programme: string;
  today: string;
  items: EditionFormItem[];
  statuses: { value: string; label: string }[];
};

const SEXES = [{ value: '', label: 'Tous' }, { value: '2', label: 'Femmes' }, { value: '1', label: 'Hommes' }];
const EMPTY: EditionFormItem = { fromId: '', label: '', min: '', minDays: '0', max: '', maxDays: '0', every: '', sex: '', bornFrom: '', bornBefore: '', status: 'RECOMMENDED', note: '' };

/**
 * BO-7, PRV-1: a new edition of one calendar, prefilled with the items in force: change, remove or add an
 * item, name the edition, choose its effective date (today or later) and say why.
 */
export function CalendarEditionForm({ action, programme, today, items, statuses }: Props) {
  const [state, formAction] = useActionState(action, initialFormState);
  const v = state.values;
  const e = state.fieldErrors;
  const rows = [...items, EMPTY];
  const labels: Record<string, string> = { edition: 'Nom de l’édition', dateEffet: 'Date d’effet', note: 'Note' };
  return (
    <form action={formAction} key={state.version} noValidate className="rounded-lg border border-border bg-white p-6">
      <FormFeedback state={state} labels={labels} />
      <input type="hidden" name="programme" value={programme} />
      <input type="hidden" name="count" value={rows.length} />
      <Field label={labels.edition} name="edition" required defaultValue={v.edition} error={e.edition} inputClassName="max-w-64" autoComplete="off"
        hint="Par exemple « 2027 ». Il distingue l’édition des précédentes." />
      <Field label={labels.dateEffet} name="dateEffet" required defaultValue={v.dateEffet ?? today} error={e.dateEffet} inputClassName="max-w-48" autoComplete="off"
        hint="Format : JJ/MM/AAAA. Aujourd’hui ou plus tard. L’édition s’applique aux examens et vaccinations dont la période commence à partir de cette date ; ceux déjà commencés gardent leur édition." />
      <Textarea label={labels.note} name="note" required defaultValue={v.note} error={e.note} rows={2} maxLength={500} hint="Ce qui change et pourquoi (500 caractères au plus)." />
      <h3 className="mb-2 text-xl font-bold">Éléments de l’édition</h3>
      <p className="mb-4">Les âges sont en mois (12 mois = 1 an) et en jours ; la période va de l’âge de début (inclus) à l’âge de fin (exclu).</p>
      {rows.map((it, i) => {
        const val = (k: keyof EditionFormItem, name = k as string) => v[`${name}_${i}`] ?? it[k];
        const isNew = !it.fromId;
        return (
          <fieldset key={i} className="mb-6 rounded border border-border p-4">
            <legend className="px-1 font-bold">{isNew ? 'Ajouter un élément (facultatif)' : `Élément ${i + 1} : ${it.label}`}</legend>
            <input type="hidden" name={`fromId_${i}`} value={it.fromId} />
            <Field label="Libellé" name={`label_${i}`} defaultValue={val('label')} error={e[`label_${i}`]} maxLength={200} required={!isNew} />
            <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-5">
              <Field label="Âge de début : mois" name={`min_${i}`} inputMode="numeric" defaultValue={val('min')} error={e[`min_${i}`]} />
              <Field label="Âge de début : jours" name={`minDays_${i}`} inputMode="numeric" defaultValue={val('minDays')} />
              <Field label="Âge de fin : mois" name={`max_${i}`} inputMode="numeric" defaultValue={val('max')} error={e[`max_${i}`]} />
              <Field label="Âge de fin : jours" name={`maxDays_${i}`} inputMode="numeric" defaultValue={val('maxDays')} />
              <Field label="Tous les (mois)" name={`every_${i}`} inputMode="numeric" defaultValue={val('every')} error={e[`every_${i}`]} hint="Vide : une seule fois." />
            </div>
            <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-4">
              <Select label="Public" name={`sex_${i}`} options={SEXES} defaultValue={val('sex')} />
              <Field label="Nés à partir du" name={`bornFrom_${i}`} defaultValue={val('bornFrom')} error={e[`bornFrom_${i}`]} hint="JJ/MM/AAAA, facultatif." autoComplete="off" />
              <Field label="Nés avant le" name={`bornBefore_${i}`} defaultValue={val('bornBefore')} error={e[`bornBefore_${i}`]} hint="JJ/MM/AAAA, facultatif." autoComplete="off" />
              <Select label="Statut" name={`status_${i}`} options={statuses} defaultValue={val('status')} />
            </div>
            <Field label="Note affichée" name={`note_${i}`} defaultValue={val('note')} error={e[`note_${i}`]} maxLength={500} />
            {!isNew && <Checkbox label="Retirer cet élément de la nouvelle édition" name={`remove_${i}`} defaultChecked={v[`remove_${i}`] === 'on'} />}
          </fieldset>
        );
      })}
      <SubmitButton>Publier l’édition</SubmitButton>
    </form>
  );
}
