import { childExamsCalendar } from './child-exams';
import { mtDentsCalendar } from './mt-dents';
import { bilanPreventionCalendar, screeningsCalendar } from './screenings';
import type { CalendarItem } from './types';
import { DEFAULT_MEN_COHORT_START, vaccinationCalendar } from './vaccination';

export type { CalendarItem } from './types';
export { DEFAULT_MEN_COHORT_START } from './vaccination';

/** PRV-1..4: every calendar, every edition. `menCohortStart`: the PRV-2 cohort parameter. */
export function allCalendars(options: { menCohortStart?: string } = {}): CalendarItem[] {
  return [
    ...vaccinationCalendar(options.menCohortStart ?? DEFAULT_MEN_COHORT_START),
    ...childExamsCalendar(),
    ...mtDentsCalendar(),
    ...screeningsCalendar(),
    ...bilanPreventionCalendar(),
  ];
}
