import type { CalendarItemStatus, PreventionProgramme } from '@/db/schema';

/**
 * BO-7, PRV-1: a new calendar edition as a supervisor writes it — the items of the edition in force,
 * changed, removed or added — checked here (pure) with French errors per form field (`label_3`...).
 */
export type DraftItem = {
  /** The calendar row the item was copied from (its code, automatic match and source are kept); null: a new item. */
  fromId: string | null;
  label: string;
  minMonths: number;
  minDays: number;
  maxMonths: number;
  maxDays: number;
  everyMonths: number | null;
  sex: 1 | 2 | null;
  bornFrom: string | null;
  bornBefore: string | null;
  status: CalendarItemStatus;
  note: string | null;
};

export const PROGRAMME_LABELS: Record<PreventionProgramme, string> = {
  VACCINATION: 'Calendrier des vaccinations',
  CHILD_EXAM: 'Examens obligatoires de l’enfant',
  MT_DENTS: 'M’T dents',
  BREAST: 'Dépistage du cancer du sein',
  COLORECTAL: 'Dépistage du cancer colorectal',
  CERVICAL: 'Dépistage du cancer du col de l’utérus',
  BILAN_PREVENTION: 'Mon bilan prévention',
};
export const PROGRAMMES = Object.keys(PROGRAMME_LABELS) as PreventionProgramme[];

export const STATUS_LABELS: Record<CalendarItemStatus, string> = {
  MANDATORY: 'Obligatoire', RECOMMENDED: 'Recommandé', TARGETED: 'Ciblé (publics à risque, rattrapage)',
};

export const isProgramme = (p: string): p is PreventionProgramme => (PROGRAMMES as string[]).includes(p);

/** « 2 mois », « 8 jours », « 50 ans », « 1 an et 6 mois » (PRV-5 ages in months plus days). */
export function ageLabel(months: number, days = 0): string {
  const parts: string[] = [];
  const y = Math.floor(months / 12);
  const m = months % 12;
  if (y && !m) parts.push(`${y} an${y > 1 ? 's' : ''}`);
  else if (months) parts.push(`${months} mois`);
  if (days) parts.push(`${days} jour${days > 1 ? 's' : ''}`);
  return parts.length ? parts.join(' et ') : 'la naissance';
}

const EDITION = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}$/u;

/**
 * The draft's own errors (the edition's name, its items); the checks that need the stored editions
 * (name already used, overlap, date in the past) are the use case's. Keys are form field names.
 */
export function checkDraft(edition: string, items: readonly DraftItem[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!EDITION.test(edition)) errors.edition = 'Nommez l’édition (1 à 40 lettres, chiffres, espaces, points ou tirets), par exemple « 2027 ».';
  if (items.length === 0) errors.form = 'Une édition contient au moins un élément.';
  items.forEach((it, i) => {
    const n = i + 1;
    const label = it.label.trim();
    if (!label) errors[`label_${i}`] = `Saisissez le libellé de l’élément ${n}.`;
    else if (label.length > 200) errors[`label_${i}`] = `Le libellé de l’élément ${n} ne peut pas dépasser 200 caractères.`;
    const ints = [it.minMonths, it.minDays, it.maxMonths, it.maxDays];
    if (ints.some((v) => !Number.isInteger(v) || v < 0 || v > 1500)) errors[`min_${i}`] = `Élément ${n} : les âges sont des nombres entiers de mois et de jours (0 ou plus).`;
    else if (it.maxMonths * 31 + it.maxDays <= it.minMonths * 31 + it.minDays) errors[`max_${i}`] = `Élément ${n} : l’âge de fin doit être après l’âge de début.`;
    if (it.everyMonths !== null && (!Number.isInteger(it.everyMonths) || it.everyMonths < 1 || it.everyMonths > 240)) {
      errors[`every_${i}`] = `Élément ${n} : le rythme est un nombre de mois entre 1 et 240, ou vide pour une seule fois.`;
    }
    if (it.bornFrom && it.bornBefore && it.bornFrom >= it.bornBefore) errors[`bornBefore_${i}`] = `Élément ${n} : « nés avant le » doit être après « nés à partir du ».`;
    if (it.note && it.note.length > 500) errors[`note_${i}`] = `Élément ${n} : la note ne peut pas dépasser 500 caractères.`;
  });
  return errors;
}
