import type { CalendarItemStatus, CareCategory, PreventionProgramme } from '@/db/schema';

/**
 * PRV-1: one calendar item in one edition, as seeded. Ages: `[min, max)` in months (PRV-5) plus days
 * (the first weeks of life); `everyMonths` repeats the item within that range. `validFrom`/`validTo`
 * bound the edition (exclusive end) and are compared with the date the item's window opens.
 */
export type CalendarItem = {
  programme: PreventionProgramme;
  code: string;
  label: string;
  edition: string;
  validFrom: string;
  validTo: string | null;
  sex: 1 | 2 | null;
  bornFrom: string | null;
  bornBefore: string | null;
  min: { months: number; days?: number };
  max: { months: number; days?: number };
  everyMonths: number | null;
  status: CalendarItemStatus;
  note: string | null;
  match: { category: CareCategory; keywords: string[] } | null;
  source: string;
};

/** Defaults for a row: any sex, any cohort, no recurrence, no note, no automatic match. */
export function item(row: Pick<CalendarItem, 'programme' | 'code' | 'label' | 'edition' | 'validFrom' | 'min' | 'max' | 'status' | 'source'>
  & Partial<CalendarItem>): CalendarItem {
  return { validTo: null, sex: null, bornFrom: null, bornBefore: null, everyMonths: null, note: null, match: null, ...row };
}

export const years = (n: number) => ({ months: 12 * n });
export const months = (n: number) => ({ months: n });
