import type { ColumnType, Generated } from 'kysely';
import type { DateOnly, Timestamp } from './columns';

// Prevention (PRV) calendars and the agenda's items (AGD-6).

export type PreventionProgramme = 'VACCINATION' | 'CHILD_EXAM' | 'MT_DENTS' | 'BREAST' | 'COLORECTAL' | 'CERVICAL' | 'BILAN_PREVENTION';
export type CalendarItemStatus = 'MANDATORY' | 'RECOMMENDED' | 'TARGETED';
export type PreventionItemStatus = 'TO_PLAN' | 'NOT_SPECIFIED' | 'DONE' | 'NOT_DONE';
export type PreventionStatusSource = 'WINDOW' | 'USER' | 'REIMBURSEMENT' | 'VACCINATION';

/**
 * PRV-1: one calendar item in one edition (`valid_from`/`valid_to`, exclusive end, compared with the date
 * the window opens); target sex (1 man, 2 woman, null both) and birth cohort [born_from, born_before);
 * age window [min, max) as months (PRV-5 clamping) plus days; recurrence every N months within it.
 */
export interface PreventionCalendarItemsTable {
  id: Generated<string>;
  programme: PreventionProgramme;
  code: string;
  label: string;
  edition: string;
  valid_from: DateOnly;
  valid_to: DateOnly | null;
  target_sex: number | null;
  born_from: DateOnly | null;
  born_before: DateOnly | null;
  min_months: number;
  min_days: Generated<number>;
  max_months: number;
  max_days: Generated<number>;
  recurrence_months: number | null;
  status: CalendarItemStatus;
  /** Shown with the item (e.g. "Certificat de santé"). */
  note: string | null;
  /** AGD-6: a care episode of this category whose label holds one of the keywords marks the item DONE. */
  match_category: string | null;
  match_keywords: ColumnType<string[], string[] | undefined, string[]>;
  source: string;
}

/** AGD-6: one occurrence of a calendar item for a profile, with its window and status. */
export interface PreventionItemsTable {
  id: Generated<string>;
  profile_id: string;
  calendar_item_id: string;
  occurrence: Generated<number>;
  window_start: DateOnly;
  window_end: DateOnly;
  status: Generated<PreventionItemStatus>;
  status_source: Generated<PreventionStatusSource>;
  set_by_account: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
