import { frenchDateToIso } from '@/lib/identity/dates';
import { frenchDay, frenchNumber } from './format';
import { parisIsoDay, parisLocalToUtc } from './paris-time';
import { measureType, type Component, type EnterableTypeCode, type MeasureType } from './measure-types';

/** What the entry form sends, as typed: « 72,5 », « 03/03/2026 », « 08:30 ». */
export type MeasureEntry = { type: EnterableTypeCode; value: string; value2?: string; date: string; time: string };
export type CheckedMeasure = { type: EnterableTypeCode; value: number; value2: number | null; unit: string; effectiveAt: Date };
export type FieldErrors = Partial<Record<'value' | 'value2' | 'date' | 'time', string>>;

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const TIME = /^([01]?\d|2[0-3])[:hH]([0-5]\d)$/;

/** « 72,5 », « 72.5 », « 100 000 » → a number; undefined for anything else. */
export function parseFrenchDecimal(input: string): number | undefined {
  const s = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  return NUMBER.test(s) ? Number(s.replace(',', '.')) : undefined;
}

const decimalsOf = (s: string) => s.trim().split(/[.,]/)[1]?.length ?? 0;

/** MEA-1: one number against its component's range and decimals; the French message on failure. */
export function checkComponent(c: Component, unit: string, raw: string | undefined): { value: number } | { error: string } {
  const text = (raw ?? '').trim();
  if (text === '') return { error: `Saisissez ${c.the}.` };
  const value = parseFrenchDecimal(text);
  if (c.code === 'PAIN_SEVERITY') {
    // MEA-1: the pain score is an integer from 0 to 10.
    return value !== undefined && Number.isInteger(value) && value >= c.min && value <= c.max
      ? { value } : { error: 'La douleur se note par un nombre entier de 0 à 10.' };
  }
  if (value === undefined) return { error: `${capitalize(c.the)} doit être un nombre, par exemple ${c.example}.` };
  if (value < c.min || value > c.max) {
    const unitText = unit === '/10' ? '' : `\u00a0${unit}`;
    return { error: `${capitalize(c.the)} doit être compris${(c.feminine ?? c.the.startsWith('la ')) ? 'e' : ''} entre ${frenchNumber(c.min)} et ${frenchNumber(c.max)}${unitText}.` };
  }
  if (decimalsOf(text.replace(/[\s\u00a0\u202f]/g, '')) > c.decimals) {
    return { error: c.decimals === 0
      ? `${capitalize(c.the)} s’écrit sans décimale, par exemple ${c.example}.`
      : `${capitalize(c.the)} s’écrit avec ${c.decimals === 1 ? 'une décimale' : `${c.decimals} décimales`} au plus, par exemple ${c.example}.` };
  }
  return { value };
}

/**
 * MEA-2: the effective time typed as a Paris date and time; not in the future, not before birth
 * (when the birth date is known). Errors go to the field at fault.
 */
export function checkEffectiveTime(date: string, time: string, now: Date, birthDate?: string): { at: Date } | { errors: FieldErrors } {
  const day = frenchDateToIso(date);
  const t = TIME.exec(time.trim());
  const errors: FieldErrors = {};
  if (!day) errors.date = 'Saisissez la date de la mesure au format JJ/MM/AAAA, par exemple 03/03/2026.';
  if (!t) errors.time = 'Saisissez l’heure de la mesure au format HH:MM, par exemple 08:30.';
  if (!day || !t) return { errors };
  const at = parisLocalToUtc(day, `${t[1]!.padStart(2, '0')}:${t[2]}`);
  if (at.getTime() > now.getTime()) {
    return { errors: parisIsoDay(at) > parisIsoDay(now)
      ? { date: 'La date de la mesure ne peut pas être dans le futur.' }
      : { time: 'L’heure de la mesure ne peut pas être dans le futur.' } };
  }
  if (birthDate && day < birthDate) {
    return { errors: { date: `La date de la mesure ne peut pas précéder la date de naissance (${frenchDay(new Date(`${birthDate}T12:00:00Z`))}).` } };
  }
  return { at };
}

/**
 * MEA-1, MEA-2: every check of one entry, all field errors at once (the form shows each next to its
 * field). Blood pressure: both numbers in range and systolic > diastolic.
 */
export function validateMeasure(entry: MeasureEntry, ctx: { now: Date; birthDate?: string }): { ok: true; measure: CheckedMeasure } | { ok: false; errors: FieldErrors } {
  const type: MeasureType = measureType(entry.type);
  const errors: FieldErrors = {};
  const [first, second] = type.components;
  const a = checkComponent(first!, type.unit, entry.value);
  if ('error' in a) errors.value = a.error;
  let value2: number | null = null;
  if (second) {
    const b = checkComponent(second, type.unit, entry.value2);
    if ('error' in b) errors.value2 = b.error;
    else value2 = b.value;
    if ('value' in a && value2 !== null && a.value <= value2) {
      errors.value = 'La pression systolique doit être supérieure à la pression diastolique.';
    }
  }
  const when = checkEffectiveTime(entry.date, entry.time, ctx.now, ctx.birthDate);
  if ('errors' in when) Object.assign(errors, when.errors);
  if (Object.keys(errors).length > 0 || 'error' in a || 'errors' in when) return { ok: false, errors };
  return { ok: true, measure: { type: entry.type, value: a.value, value2, unit: type.unit, effectiveAt: when.at } };
}
