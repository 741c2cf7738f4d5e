import { item, months, years, type CalendarItem } from './types';

const CERTIFICATE = 'Certificat de santé transmis à la PMI dans les 8 jours.';
const E2019 = { programme: 'CHILD_EXAM' as const, edition: '2019', validFrom: '2019-03-01', validTo: '2025-01-01', status: 'MANDATORY' as const };
const E2025 = { programme: 'CHILD_EXAM' as const, edition: '2025', validFrom: '2025-01-01', status: 'MANDATORY' as const,
  note: 'Comprend le repérage de l’anxiété et de la dépression.' };

type Exam = { code: string; label: string; min: CalendarItem['min']; max: CalendarItem['max']; note?: string; source: string };

/**
 * PRV-3: the 20 mandatory child exams (0–16 years). "Nth month/year" runs from age N−1 to N (PRV-1);
 * an exam's edition is the one valid when its window opens: 2019 before 2025-01-01, 2025 from it.
 */
const COMMON: Exam[] = [
  // PRV-3 "1–2 | within 8 days (certificate); 2nd week | same"
  { code: 'EXAM_01', label: 'Examen dans les 8 jours suivant la naissance', min: { months: 0 }, max: { months: 0, days: 8 }, note: CERTIFICATE, source: 'PRV-3 #1: within 8 days (certificate)' },
  { code: 'EXAM_02', label: 'Examen au cours de la 2e semaine', min: { months: 0, days: 7 }, max: { months: 0, days: 14 }, source: 'PRV-3 #2: 2nd week' },
  // PRV-3 "4–8 | months 2, 3, 4, 5, 6 | same"
  ...[2, 3, 4, 5, 6].map((n, i) => ({ code: `EXAM_0${4 + i}`, label: `Examen au cours du ${n}e mois`, min: months(n - 1), max: months(n), source: `PRV-3 #${4 + i}: month ${n}` })),
  // PRV-3 "9–12 | 9th month (certificate); 12th; 13th; 16–18 months | same"
  { code: 'EXAM_09', label: 'Examen au cours du 9e mois', min: months(8), max: months(9), note: CERTIFICATE, source: 'PRV-3 #9: 9th month (certificate)' },
  { code: 'EXAM_10', label: 'Examen au cours du 12e mois', min: months(11), max: months(12), source: 'PRV-3 #10: 12th month' },
  { code: 'EXAM_11', label: 'Examen au cours du 13e mois', min: months(12), max: months(13), source: 'PRV-3 #11: 13th month' },
  { code: 'EXAM_12', label: 'Examen entre 16 et 18 mois', min: months(16), max: months(19), source: 'PRV-3 #12: 16–18 months' },
  // PRV-3 "13 | 24th or 25th month (certificate) | same"
  { code: 'EXAM_13', label: 'Examen au cours du 24e ou du 25e mois', min: months(23), max: months(25), note: CERTIFICATE, source: 'PRV-3 #13: 24th or 25th month (certificate)' },
  // PRV-3 "14–17 | 3rd, 4th, 5th, 6th year | same"
  ...[3, 4, 5, 6].map((n, i) => ({ code: `EXAM_${14 + i}`, label: `Examen au cours de la ${n}e année`, min: years(n - 1), max: years(n), source: `PRV-3 #${14 + i}: ${n}th year` })),
  // PRV-3 "18–20 | 8–9, 11–13, 15–16 years | same"
  { code: 'EXAM_18', label: 'Examen entre 8 et 9 ans', min: years(8), max: years(10), source: 'PRV-3 #18: 8–9 years' },
  { code: 'EXAM_19', label: 'Examen entre 11 et 13 ans', min: years(11), max: years(14), source: 'PRV-3 #19: 11–13 years' },
  { code: 'EXAM_20', label: 'Examen entre 15 et 16 ans', min: years(15), max: years(17), source: 'PRV-3 #20: 15–16 years' },
];

// PRV-3 "3 | 3rd week to end of 1st month | removed" (2019 edition only)
const THIRD: Exam = { code: 'EXAM_03', label: 'Examen entre la 3e semaine et la fin du 1er mois', min: { months: 0, days: 14 }, max: months(1), source: 'PRV-3 #3: 3rd week to end of 1st month (2019 only)' };
// PRV-3 "new | — | 7th year" (2025 edition only)
const SEVENTH: Exam = { code: 'EXAM_7Y', label: 'Examen au cours de la 7e année', min: years(6), max: years(7), source: 'PRV-3 new: 7th year (2025 only)' };

export function childExamsCalendar(): CalendarItem[] {
  const e2019 = [...COMMON, THIRD].map((x) => item({ ...E2019, ...x, note: x.note ?? null, source: `${x.source}, arrêté 26 Feb 2019` }));
  const e2025 = [...COMMON, SEVENTH].map((x) => item({ ...E2025, ...x, note: x.note ? `${x.note} ${E2025.note}` : E2025.note, source: `${x.source}, 2025 amendment` }));
  return [...e2019, ...e2025];
}
