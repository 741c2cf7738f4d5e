import { firstOfEach, toCandidate, type Candidate, type ExtractedType } from './candidate';

/** Units as written in French reports, to the symbols `toCandidate` converts. */
const UNIT = String.raw`kg|kilos?|kilogrammes?|grammes?|g|cm|centim[eè]tres?|mm|m[eè]tres?|m`;
const UNIT_OF: [RegExp, string][] = [[/^k/, 'kg'], [/^g/, 'g'], [/^c/, 'cm'], [/^mm$/, 'mm'], [/^m/, 'm']];
const unitSymbol = (word: string) => UNIT_OF.find(([re]) => re.test(word.toLowerCase()))?.[1] ?? '';

/** « 12,4 », « 12.4 », « 3 250 » (thousands separated by a space). */
const NUMBER = String.raw`(\d{1,3}(?: \d{3})+|\d+)(?:[.,](\d+))?`;
const EDGE_BEFORE = String.raw`(?<![\p{L}\d])`;
const EDGE_AFTER = String.raw`(?![\p{L}\d])`;

/**
 * The labels of each type. The label must be followed directly by the value (an optional « (kg) »
 * and « : » or « = » in between): « Taille de la lésion : 3 cm » or « Poids de naissance » are not read.
 */
const LABELS: [ExtractedType, RegExp][] = [
  ['WEIGHT', /poids/],
  ['HEIGHT', /(?<!tour de )taille/],
  ['HEAD_CIRCUMFERENCE', /p[ée]rim[èe]tre cr[âa]nien/],
].map(([type, label]) => [type as ExtractedType, new RegExp(
  `${EDGE_BEFORE}(?:${(label as RegExp).source})(?: ?\\((${UNIT})\\))? ?[:=]? ?${NUMBER} ?(${UNIT})?${EDGE_AFTER}`, 'giu')]);
/** « PC : 47,5 cm », the usual abbreviation in children's notes: capitals only. */
const PC = new RegExp(`${EDGE_BEFORE}PC(?: ?\\((${UNIT})\\))? ?[:=]? ?${NUMBER} ?(${UNIT})?${EDGE_AFTER}`, 'gu');
/** « Taille : 1 m 86 », « 1m86 ». */
const METRES_CENTIMETRES = new RegExp(`${EDGE_BEFORE}(?<!tour de )taille ?[:=]? ?(\\d) ?m ?(\\d{2})${EDGE_AFTER}`, 'giu');

const toNumber = (whole: string, decimals: string | undefined) => Number(`${whole.replace(/ /g, '')}${decimals ? `.${decimals}` : ''}`);

/** A report's text on one line: no-break spaces and line breaks as plain spaces (PDF text layers come flat). */
export function flatten(text: string): string {
  return text.normalize('NFC').replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * MEA-4: weight, height and head circumference written in a French report: « Poids : 12,4 kg »,
 * « Taille (cm) : 86 », « Périmètre crânien : 47,5 cm », French or English decimals, g/kg and
 * cm/m/mm. A value without a unit, in a unit that does not fit its type, or out of the type's range
 * is skipped. The text gives no time of its own: the caller dates the values by the document.
 */
export function extractFromFrenchText(text: string): Candidate[] {
  const flat = flatten(text);
  const found: { at: number; candidate: Candidate }[] = [];
  const push = (at: number, candidate: Candidate | undefined) => { if (candidate) found.push({ at, candidate }); };
  // « Taille : 1 m 86 » first: at the same place, « 1 m » alone must not win.
  for (const m of flat.matchAll(METRES_CENTIMETRES)) push(m.index, toCandidate('HEIGHT', Number(m[1]) * 100 + Number(m[2]), 'cm'));
  for (const [type, pattern] of [...LABELS, ['HEAD_CIRCUMFERENCE', PC] as const]) {
    for (const m of flat.matchAll(pattern)) {
      const [, labelUnit, whole, decimals, unit] = m;
      push(m.index, toCandidate(type, toNumber(whole!, decimals), unitSymbol(unit ?? labelUnit ?? '')));
    }
  }
  // In reading order: the first value of a type is the one the report gives for its date.
  return firstOfEach(found.sort((a, b) => a.at - b.at).map((f) => f.candidate));
}
