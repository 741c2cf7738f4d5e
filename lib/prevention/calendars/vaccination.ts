import { item, months, years, type CalendarItem } from './types';

/** PRV-2: the 2025 MenB/MenACWY obligation applies to children born from this date (project parameter). */
export const DEFAULT_MEN_COHORT_START = '2025-01-01';

const E = { programme: 'VACCINATION' as const, edition: '2018', validFrom: '2018-01-01' };
const vaccine = (keywords: string[]) => ({ category: 'VACCINE' as const, keywords });
const HEXA = vaccine(['hexavalent', 'diphtérie', 'dtcap', 'infanrix', 'hexyon', 'vaxelis']);
const PNEUMO = vaccine(['pneumocoque', 'pneumococc', 'prevenar', 'vaxneuvance']);
const MENB = vaccine(['méningocoque b', 'meningocoque b', 'menb', 'bexsero', 'trumenba']);
const MENACWY = vaccine(['acwy', 'nimenrix', 'menquadfi', 'menveo']);
const MENC = vaccine(['méningocoque c', 'meningocoque c', 'menc', 'neisvac', 'menjugate']);
const MMR = vaccine(['rougeole', 'ror', 'priorix', 'm-m-rvaxpro']);
const DTP = vaccine(['diphtérie', 'tétanos', 'dtp', 'dtcap', 'repevax', 'boostrix', 'revaxis']);

/**
 * PRV-2 vaccination calendar. Items at "N months" have the window [N, N+1) months. The MenB/MenACWY rows
 * depend on the birth cohort `menCohortStart`: mandatory from it, MenB recommended and MenC before it.
 * TARGETED rows (risk groups, catch-ups) are calendar data but do not become agenda items (AGD-6).
 */
export function vaccinationCalendar(menCohortStart = DEFAULT_MEN_COHORT_START): CalendarItem[] {
  const newCohort = { bornFrom: menCohortStart };
  const oldCohort = { bornBefore: menCohortStart };
  return [
    // PRV-2 "Birth | BCG (TB risk); HepB (mother HBsAg+); RSV: nirsevimab or maternal vaccine at 32–36 weeks | targeted"
    item({ ...E, code: 'VAC_BCG', label: 'BCG (enfant exposé à la tuberculose)', min: months(0), max: months(1), status: 'TARGETED', source: 'PRV-2 Birth: BCG (TB risk)' }),
    item({ ...E, code: 'VAC_HEPB_BIRTH', label: 'Hépatite B à la naissance (mère porteuse de l’antigène HBs)', min: months(0), max: months(1), status: 'TARGETED', source: 'PRV-2 Birth: HepB (mother HBsAg+)' }),
    item({ ...E, code: 'VAC_RSV', label: 'Protection contre la bronchiolite (VRS) : nirsévimab ou vaccin maternel', min: months(0), max: months(1), status: 'TARGETED', source: 'PRV-2 Birth: RSV' }),
    // PRV-2 "2 months | hexavalent DTCaP-Hib-HepB + pneumococcal; rotavirus (2–3 oral doses, since June 2022) | mandatory; rotavirus recommended"
    item({ ...E, code: 'VAC_HEXA_1', label: 'Vaccin hexavalent (diphtérie, tétanos, coqueluche, polio, Hib, hépatite B) – 1re dose', min: months(2), max: months(3), status: 'MANDATORY', match: HEXA, source: 'PRV-2 2 months: hexavalent' }),
    item({ ...E, code: 'VAC_PNEUMO_1', label: 'Vaccin contre le pneumocoque – 1re dose', min: months(2), max: months(3), status: 'MANDATORY', match: PNEUMO, source: 'PRV-2 2 months: pneumococcal' }),
    item({ ...E, code: 'VAC_ROTAVIRUS', edition: '2022', validFrom: '2022-06-01', label: 'Vaccin contre le rotavirus (2 ou 3 doses par voie orale)', min: months(2), max: months(3), status: 'RECOMMENDED', match: vaccine(['rotavirus', 'rotarix', 'rotateq']), source: 'PRV-2 2 months: rotavirus (since June 2022)' }),
    // PRV-2 "3 months | MenB 1 | mandatory from 2025 (recommended since 2022)"
    item({ ...E, ...newCohort, code: 'VAC_MENB_1', edition: '2025', label: 'Vaccin contre le méningocoque B – 1re dose', min: months(3), max: months(4), status: 'MANDATORY', match: MENB, source: 'PRV-2 3 months: MenB 1, mandatory from 2025' }),
    item({ ...E, ...oldCohort, code: 'VAC_MENB_1', edition: '2022', validFrom: '2022-01-01', label: 'Vaccin contre le méningocoque B – 1re dose', min: months(3), max: months(4), status: 'RECOMMENDED', match: MENB, source: 'PRV-2 3 months: MenB 1, recommended since 2022' }),
    // PRV-2 "4 months | hexavalent + pneumococcal | mandatory"
    item({ ...E, code: 'VAC_HEXA_2', label: 'Vaccin hexavalent – 2e dose', min: months(4), max: months(5), status: 'MANDATORY', match: HEXA, source: 'PRV-2 4 months: hexavalent' }),
    item({ ...E, code: 'VAC_PNEUMO_2', label: 'Vaccin contre le pneumocoque – 2e dose', min: months(4), max: months(5), status: 'MANDATORY', match: PNEUMO, source: 'PRV-2 4 months: pneumococcal' }),
    // PRV-2 "5 months | MenB 2 | mandatory from 2025"
    item({ ...E, ...newCohort, code: 'VAC_MENB_2', edition: '2025', label: 'Vaccin contre le méningocoque B – 2e dose', min: months(5), max: months(6), status: 'MANDATORY', match: MENB, source: 'PRV-2 5 months: MenB 2, mandatory from 2025' }),
    item({ ...E, ...oldCohort, code: 'VAC_MENB_2', edition: '2022', validFrom: '2022-01-01', label: 'Vaccin contre le méningocoque B – 2e dose', min: months(5), max: months(6), status: 'RECOMMENDED', match: MENB, source: 'PRV-2 5 months: MenB 2, recommended since 2022' }),
    // PRV-2 "6 months | MenACWY 1 (replaces MenC) | mandatory from 2025"
    item({ ...E, ...newCohort, code: 'VAC_MENACWY_1', edition: '2025', label: 'Vaccin contre les méningocoques ACWY – 1re dose', min: months(6), max: months(7), status: 'MANDATORY', match: MENACWY, source: 'PRV-2 6 months: MenACWY 1 (replaces MenC)' }),
    item({ ...E, ...oldCohort, code: 'VAC_MENC_1', label: 'Vaccin contre le méningocoque C – 1re dose', min: months(6), max: months(7), status: 'MANDATORY', match: MENC, source: 'PRV-2 6 months: MenC before the 2025 cohort (11 valences, born from 2018)' }),
    // PRV-2 "11 months | hexavalent + pneumococcal boosters | mandatory"
    item({ ...E, code: 'VAC_HEXA_3', label: 'Vaccin hexavalent – rappel', min: months(11), max: months(12), status: 'MANDATORY', match: HEXA, source: 'PRV-2 11 months: hexavalent booster' }),
    item({ ...E, code: 'VAC_PNEUMO_3', label: 'Vaccin contre le pneumocoque – rappel', min: months(11), max: months(12), status: 'MANDATORY', match: PNEUMO, source: 'PRV-2 11 months: pneumococcal booster' }),
    // PRV-2 "12 months | MMR 1; MenB booster; MenACWY booster (before 2025: MenC) | mandatory"
    item({ ...E, code: 'VAC_MMR_1', label: 'Vaccin rougeole, oreillons, rubéole – 1re dose', min: months(12), max: months(13), status: 'MANDATORY', match: MMR, source: 'PRV-2 12 months: MMR 1' }),
    item({ ...E, ...newCohort, code: 'VAC_MENB_3', edition: '2025', label: 'Vaccin contre le méningocoque B – rappel', min: months(12), max: months(13), status: 'MANDATORY', match: MENB, source: 'PRV-2 12 months: MenB booster' }),
    item({ ...E, ...oldCohort, code: 'VAC_MENB_3', edition: '2022', validFrom: '2022-01-01', label: 'Vaccin contre le méningocoque B – rappel', min: months(12), max: months(13), status: 'RECOMMENDED', match: MENB, source: 'PRV-2 12 months: MenB booster, recommended since 2022' }),
    item({ ...E, ...newCohort, code: 'VAC_MENACWY_2', edition: '2025', label: 'Vaccin contre les méningocoques ACWY – rappel', min: months(12), max: months(13), status: 'MANDATORY', match: MENACWY, source: 'PRV-2 12 months: MenACWY booster' }),
    item({ ...E, ...oldCohort, code: 'VAC_MENC_2', label: 'Vaccin contre le méningocoque C – rappel', min: months(12), max: months(13), status: 'MANDATORY', match: MENC, source: 'PRV-2 12 months: before 2025: MenC' }),
    // PRV-2 "16–18 months | MMR 2 | mandatory"
    item({ ...E, code: 'VAC_MMR_2', label: 'Vaccin rougeole, oreillons, rubéole – 2e dose', min: months(16), max: months(19), status: 'MANDATORY', match: MMR, source: 'PRV-2 16–18 months: MMR 2' }),
    // PRV-2 "6 years | DTCaP booster | recommended"
    item({ ...E, code: 'VAC_DTCAP_6', label: 'Rappel diphtérie, tétanos, coqueluche, polio (6 ans)', min: years(6), max: years(7), status: 'RECOMMENDED', match: DTP, source: 'PRV-2 6 years: DTCaP booster' }),
    // PRV-2 "11–13 years | dTcaP-polio booster | recommended"
    item({ ...E, code: 'VAC_DTCAP_11', label: 'Rappel diphtérie, tétanos, coqueluche, polio (11-13 ans)', min: years(11), max: years(14), status: 'RECOMMENDED', match: DTP, source: 'PRV-2 11–13 years: dTcaP-polio booster' }),
    // PRV-2 "11–14 years | HPV, girls and boys, 2 doses 6 months apart (catch-up 15–19: 3 doses; MSM to 26); MenACWY (catch-up 15–24); MenB possible 15–24 | recommended"
    item({ ...E, code: 'VAC_HPV', label: 'Vaccin contre les papillomavirus (HPV), 2 doses à 6 mois d’intervalle', min: years(11), max: years(15), status: 'RECOMMENDED', match: vaccine(['papillomavirus', 'hpv', 'gardasil', 'cervarix']), source: 'PRV-2 11–14 years: HPV, 2 doses' }),
    item({ ...E, code: 'VAC_HPV_CATCHUP', label: 'Rattrapage HPV (3 doses)', min: years(15), max: years(20), status: 'TARGETED', source: 'PRV-2 11–14 years: HPV catch-up 15–19, 3 doses (MSM to 26)' }),
    item({ ...E, code: 'VAC_MENACWY_TEEN', label: 'Vaccin contre les méningocoques ACWY (adolescent)', min: years(11), max: years(15), status: 'RECOMMENDED', match: MENACWY, source: 'PRV-2 11–14 years: MenACWY' }),
    item({ ...E, code: 'VAC_MENACWY_CATCHUP', label: 'Rattrapage méningocoques ACWY (15-24 ans)', min: years(15), max: years(25), status: 'TARGETED', source: 'PRV-2 11–14 years: MenACWY catch-up 15–24' }),
    item({ ...E, code: 'VAC_MENB_TEEN', label: 'Vaccin contre le méningocoque B (possible de 15 à 24 ans)', min: years(15), max: years(25), status: 'TARGETED', source: 'PRV-2 11–14 years: MenB possible 15–24' }),
    // PRV-2 "born since 1980 | MMR 2 doses; a 3rd if the 1st was before 12 months (2025) | recommended"
    item({ ...E, code: 'VAC_MMR_CATCHUP', edition: '2025', validFrom: '2025-01-01', bornFrom: '1980-01-01', label: 'Rattrapage rougeole, oreillons, rubéole (2 doses au total)', min: years(1), max: years(120), status: 'TARGETED', source: 'PRV-2 born since 1980: MMR 2 doses; a 3rd if the 1st was before 12 months (2025)' }),
    // PRV-2 "25 years | dTcaP (unless pertussis dose < 5 years; catch-up to 39) | recommended"
    item({ ...E, code: 'VAC_DTCAP_25', label: 'Rappel diphtérie, tétanos, coqueluche, polio (25 ans)', min: years(25), max: years(26), status: 'RECOMMENDED', match: DTP, note: 'Sauf dose contre la coqueluche depuis moins de 5 ans ; rattrapage jusqu’à 39 ans.', source: 'PRV-2 25 years: dTcaP' }),
    // PRV-2 "45 years | dTP | recommended"
    item({ ...E, code: 'VAC_DTP_45', label: 'Rappel diphtérie, tétanos, polio (45 ans)', min: years(45), max: years(46), status: 'RECOMMENDED', match: DTP, source: 'PRV-2 45 years: dTP' }),
    // PRV-2 "65, then every 10 years | dTP | recommended"
    item({ ...E, code: 'VAC_DTP_65', label: 'Rappel diphtérie, tétanos, polio (à 65 ans puis tous les 10 ans)', min: years(65), max: years(125), everyMonths: 120, status: 'RECOMMENDED', match: DTP, source: 'PRV-2 65, then every 10 years: dTP' }),
    // PRV-2 "≥ 65 years | influenza yearly; pneumococcal, one PCV20 dose (2025); shingles | recommended"
    item({ ...E, code: 'VAC_FLU', label: 'Vaccin contre la grippe saisonnière', min: years(65), max: years(120), everyMonths: 12, status: 'RECOMMENDED', match: vaccine(['grippe', 'influenza', 'vaxigrip', 'influvac', 'efluelda']), source: 'PRV-2 ≥ 65 years: influenza yearly' }),
    item({ ...E, code: 'VAC_PCV20', edition: '2025', validFrom: '2025-01-01', label: 'Vaccin contre le pneumocoque (une dose de PCV20)', min: years(65), max: years(120), status: 'RECOMMENDED', match: PNEUMO, source: 'PRV-2 ≥ 65 years: pneumococcal, one PCV20 dose (2025)' }),
    item({ ...E, code: 'VAC_SHINGLES', label: 'Vaccin contre le zona', min: years(65), max: years(120), status: 'RECOMMENDED', match: vaccine(['zona', 'shingrix', 'zostavax']), source: 'PRV-2 ≥ 65 years: shingles' }),
    // PRV-2 "Overseas | dengue for defined groups (2025) | recommended" — defined groups only: targeted here.
    item({ ...E, code: 'VAC_DENGUE', edition: '2025', validFrom: '2025-01-01', label: 'Vaccin contre la dengue (outre-mer, publics définis)', min: years(6), max: years(17), status: 'TARGETED', source: 'PRV-2 Overseas: dengue for defined groups (2025)' }),
  ];
}
