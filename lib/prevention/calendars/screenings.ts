import { item, years, type CalendarItem } from './types';

const E = { edition: '2020', validFrom: '2018-01-01', status: 'RECOMMENDED' as const };

/** PRV-4: breast, colorectal and cervical cancer screenings. */
export function screeningsCalendar(): CalendarItem[] {
  return [
    // PRV-4 "Breast screening | — | women 50–74 | every 2 years: mammography + clinical exam, double reading"
    item({ ...E, programme: 'BREAST', code: 'BREAST', label: 'Dépistage du cancer du sein (mammographie et examen clinique)', sex: 2,
      min: years(50), max: years(75), everyMonths: 24, match: { category: 'RADIOLOGY', keywords: ['mammograph'] },
      source: 'PRV-4 Breast screening: women 50–74, every 2 years' }),
    // PRV-4 "Colorectal screening | — | men and women 50–74 | every 2 years: home immunochemical test"
    item({ ...E, programme: 'COLORECTAL', code: 'COLORECTAL', label: 'Dépistage du cancer colorectal (test à faire chez soi)',
      min: years(50), max: years(75), everyMonths: 24, match: { category: 'BIOLOGY', keywords: ['colorectal', 'immunologique', 'sang dans les selles'] },
      source: 'PRV-4 Colorectal screening: men and women 50–74, every 2 years' }),
    // PRV-4 "Cervical screening | arrêté 15 Aug 2020 | women 25–29 | two cytologies 1 year apart, then 3 years later if normal"
    item({ ...E, programme: 'CERVICAL', code: 'CERVICAL_CYTO_1', label: 'Dépistage du cancer du col de l’utérus (1er examen cytologique)', sex: 2,
      min: years(25), max: years(26), match: { category: 'BIOLOGY', keywords: ['cytolog', 'frottis'] }, source: 'PRV-4 Cervical screening 25–29: 1st cytology' }),
    item({ ...E, programme: 'CERVICAL', code: 'CERVICAL_CYTO_2', label: 'Dépistage du cancer du col de l’utérus (2e examen cytologique, 1 an après)', sex: 2,
      min: years(26), max: years(27), match: { category: 'BIOLOGY', keywords: ['cytolog', 'frottis'] }, source: 'PRV-4 Cervical screening 25–29: 2nd cytology 1 year later' }),
    item({ ...E, programme: 'CERVICAL', code: 'CERVICAL_CYTO_3', label: 'Dépistage du cancer du col de l’utérus (examen cytologique 3 ans après)', sex: 2,
      min: years(29), max: years(30), note: 'Si les examens précédents étaient normaux.', match: { category: 'BIOLOGY', keywords: ['cytolog', 'frottis'] },
      source: 'PRV-4 Cervical screening 25–29: then 3 years later if normal' }),
    // PRV-4 "Cervical screening | arrêté 15 Aug 2020 | women 30–65 | HPV test 3 years after the last normal cytology (at 30 if none), then every 5 years if negative"
    item({ ...E, programme: 'CERVICAL', code: 'CERVICAL_HPV', label: 'Dépistage du cancer du col de l’utérus (test HPV)', sex: 2,
      min: years(30), max: years(66), everyMonths: 60, note: 'Tous les 5 ans si le test est négatif.',
      match: { category: 'BIOLOGY', keywords: ['papillomavirus', 'hpv'] }, source: 'PRV-4 Cervical screening 30–65: HPV test, then every 5 years' }),
  ];
}

/** PRV-4 "Mon bilan prévention | 2024 | ages 18–25, 45–50, 60–65, 70–75 | one per age band, with a self-questionnaire in MES" */
export function bilanPreventionCalendar(): CalendarItem[] {
  return ([[18, 25], [45, 50], [60, 65], [70, 75]] as const).map(([from, to]) => item({
    programme: 'BILAN_PREVENTION', code: `BILAN_${from}_${to}`, label: `Mon bilan prévention (${from}-${to} ans)`, edition: '2024', validFrom: '2024-01-01',
    min: years(from), max: years(to + 1), status: 'RECOMMENDED', note: 'Avec un auto-questionnaire à remplir dans Mon espace santé.',
    source: `PRV-4 Mon bilan prévention 2024: ages ${from}–${to}` }));
}
