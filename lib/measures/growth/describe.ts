import { formatMeasure } from '../format';
import type { MeasureType } from '../measure-types';
import { frenchAge, frenchAgeTick } from './age';
import type { GrowthCurve, GrowthPoint } from './growth-curve';
import { describeBand } from './lms';

/** « le poids », « la taille », « le périmètre crânien »; « l’IMC » (computed, no component). */
const theOf = (type: MeasureType) => type.components[0]?.the ?? `l’${type.label}`;

/** « entre le 15e et le 50e percentile », or why there is no band. */
export function placeOf(curve: GrowthCurve, p: GrowthPoint): string {
  if (p.band) return describeBand(p.band);
  return curve.sex ? 'pas de courbe de référence OMS à cet âge' : 'sans courbe de référence (sexe non renseigné)';
}

/** « Courbes de référence OMS (version who-2006-2007 : OMS 2006 (0 à 5 ans) et OMS 2007 (5 à 19 ans)) ». */
export function referenceLine(curve: GrowthCurve): string {
  return `Courbes de référence OMS (version ${curve.version} : ${curve.versionLabel})`;
}

/** MEA-6 in words, for the visible summary: « À 2 ans et 1 mois, 12,2 kg : entre le 15e et le 50e percentile. » */
export function latestSentence(curve: GrowthCurve, type: MeasureType): string {
  const { latest } = curve;
  return `À ${frenchAge(curve.birthDate, latest.at)}, ${formatMeasure(type, latest.value)} : ${placeOf(curve, latest)}.`;
}

/** The chart's accessible description: the ages covered, the latest value and where it stands, the reference. */
export function describeGrowthCurve(curve: GrowthCurve, type: MeasureType): string {
  const { points, latest } = curve;
  const first = points[0]!;
  const span = points.length > 1 ? `${points.length} valeurs, de ${frenchAge(curve.birthDate, first.at)} à ${frenchAge(curve.birthDate, latest.at)}.` : '1 valeur.';
  return [span, `Dernière valeur : ${formatMeasure(type, latest.value)} à ${frenchAge(curve.birthDate, latest.at)}, ${placeOf(curve, latest)}.`,
    `${referenceLine(curve)}, 3e, 15e, 50e, 85e et 97e percentiles.`].join(' ');
}

/** What the reader must know about the bands drawn: missing sex, ages without reference, length then height. */
export function growthNotes(curve: GrowthCurve, type: MeasureType, childName: string): string[] {
  if (!curve.sex) {
    return [`Le sexe de ${childName} n’est pas renseigné : les courbes de référence, différentes pour les filles et les garçons, ne peuvent pas être affichées.`];
  }
  const notes: string[] = [];
  const [, last] = curve.covered!;
  if (curve.domain[1] > last) notes.push(`Pas de courbe de référence OMS pour ${theOf(type)} après ${frenchAgeTick(last)}.`);
  if (curve.bands.length > 1) notes.push('À 2 ans, les courbes passent de la longueur mesurée couché à la taille mesurée debout.');
  return notes;
}
