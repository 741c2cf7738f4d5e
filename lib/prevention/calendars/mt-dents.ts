import { item, years, type CalendarItem } from './types';

const DENTAL = { category: 'MEDICAL_DENTAL_CARE' as const, keywords: ['dentaire', 'dentiste', 'bucco', 'm’t dents', 'm\'t dents', 'détartrage', 'chirurgien-dentiste'] };
const NOTE = 'Bon valable 1 an à partir de l’anniversaire ; soins commencés dans les 3 mois et terminés dans les 6 mois. Pris en charge à 100 %.';
export const MT_DENTS_LISTED_AGES = [3, 6, 9, 12, 15, 18, 21, 24];

/**
 * PRV-4 M'T dents (age = age at the exam date, so the window of age N is [N, N+1) years). The edition is
 * chosen by the birthday that opens the window (PRV-1): before 2025-04-01 only the listed ages, from it
 * every year from 3 to 24.
 */
export function mtDentsCalendar(): CalendarItem[] {
  return [
    // PRV-4 "M'T dents | birthday before 2025-04-01 | ages 3, 6, 9, 12, 15, 18, 21, 24 | one exam at each listed age"
    ...MT_DENTS_LISTED_AGES.map((age) => item({ programme: 'MT_DENTS', code: `MTD_${String(age).padStart(2, '0')}`, label: `Examen bucco-dentaire M’T dents (${age} ans)`,
      edition: '2018', validFrom: '2018-01-01', validTo: '2025-04-01', min: years(age), max: years(age + 1), status: 'RECOMMENDED', note: NOTE, match: DENTAL,
      source: `PRV-4 M'T dents, birthday before 2025-04-01: age ${age}` })),
    // PRV-4 "M'T dents | birthday from 2025-04-01 | ages 3–24 | every year"
    item({ programme: 'MT_DENTS', code: 'MTD_YEARLY', label: 'Examen bucco-dentaire M’T dents annuel', edition: '2025', validFrom: '2025-04-01',
      min: years(3), max: years(25), everyMonths: 12, status: 'RECOMMENDED', note: NOTE, match: DENTAL, source: "PRV-4 M'T dents, birthday from 2025-04-01: ages 3–24 every year" }),
  ];
}
