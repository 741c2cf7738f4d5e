import { ageInMonths } from '@/lib/prevention/ages';
import { bilanPreventionCalendar } from '@/lib/prevention/calendars/screenings';
import { BANDS, bandLabel, type Band } from './questions';

/**
 * PRV-4: « Mon bilan prévention » is offered at ages 18–25, 45–50, 60–65 and 70–75 (age on the day, PRV-5).
 * The bands are the calendar's own rows (lib/prevention/calendars), so both stay one rule. Pure.
 */
export function bandOn(birthDate: string, today: string): Band | null {
  const months = ageInMonths(birthDate, today);
  for (const item of bilanPreventionCalendar()) {
    if (months >= item.min.months && months < item.max.months) {
      const band = `${item.min.months / 12}-${item.max.months / 12 - 1}`;
      return (BANDS as readonly string[]).includes(band) ? (band as Band) : null;
    }
  }
  return null;
}

/** What an account outside every band reads (PRV-4). */
export const OUT_OF_BAND_MESSAGE = `Le questionnaire « Mon bilan prévention » est proposé aux âges du bilan : ${
  BANDS.map(bandLabel).join(', ').replace(/, ([^,]*)$/, ' et $1')}. Il n’est pas proposé à l’âge de ce profil aujourd’hui.`;
