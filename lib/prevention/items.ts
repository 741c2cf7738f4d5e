import type { CalendarItem } from './calendars/types';
import { reachedOn } from './ages';

export type Person = { birthDate: string; sex: number };

export type DueItem = {
  item: CalendarItem;
  /** 0 for a one-off item, k for the k-th repetition of a recurring one. */
  occurrence: number;
  /** [start, end): the window opens on `start` (age min reached) and closes on `end`. */
  windowStart: string;
  windowEnd: string;
  open: boolean;
};

/** TARGETED rows concern risk groups or catch-ups that known data cannot tell: they stay in the calendar only. */
export const generatesItems = (item: CalendarItem) => item.status !== 'TARGETED';


/**
 * PRV-1, AGD-6: the calendar items of a person whose window has opened by `today` (open or already closed),
 * each with the edition valid on the day its window opens, its occurrence and its window dates (PRV-5).
 * Editions of one item partition time, so an occurrence belongs to exactly one edition.
 */
export function dueItems(person: Person, calendars: CalendarItem[], today: string): DueItem[] {
  const out: DueItem[] = [];
  for (const item of calendars) {
    if (!generatesItems(item)) continue;
    if (item.sex !== null && item.sex !== person.sex) continue;
    if (item.bornFrom && person.birthDate < item.bornFrom) continue;
    if (item.bornBefore && person.birthDate >= item.bornBefore) continue;
    const end = reachedOn(person.birthDate, item.max);
    const step = item.everyMonths;
    for (let k = 0; ; k += 1) {
      const from = step ? { months: item.min.months + k * step, days: item.min.days } : item.min;
      const windowStart = reachedOn(person.birthDate, from);
      if (windowStart > today || windowStart >= end) break;
      const next = step ? reachedOn(person.birthDate, { months: from.months + step, days: from.days }) : end;
      const windowEnd = next < end ? next : end;
      const inEdition = windowStart >= item.validFrom && (item.validTo === null || windowStart < item.validTo);
      if (inEdition) out.push({ item, occurrence: k, windowStart, windowEnd, open: today < windowEnd });
      if (!step) break;
    }
  }
  return out.sort((a, b) => a.windowStart.localeCompare(b.windowStart) || a.item.code.localeCompare(b.item.code));
}
