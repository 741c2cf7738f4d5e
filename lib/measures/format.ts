import type { MeasureType } from './measure-types';

/** Numbers the French way: « 72,5 », « 100 000 » (narrow no-break space). */
export function frenchNumber(value: number, maxDecimals = 2): string {
  return new Intl.NumberFormat('fr-FR', { maximumFractionDigits: maxDecimals }).format(value);
}

/** « 72,5 kg », « 120/80 mmHg », « 3/10 », « 8 000 pas ». */
export function formatMeasure(type: Pick<MeasureType, 'unit' | 'components'>, value: number, value2?: number | null): string {
  const decimals = type.components[0]?.decimals ?? 1;
  const number = value2 == null ? frenchNumber(value, decimals) : `${frenchNumber(value, 0)}/${frenchNumber(value2, 0)}`;
  return type.unit === '/10' ? `${number}/10` : `${number}\u00a0${type.unit}`;
}

const parisDateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const parisDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/** « 3 mars 2026 à 08:30 » in Europe/Paris. */
export const frenchDateTime = (at: Date) => parisDateTime.format(at);
/** « 3 mars 2026 » in Europe/Paris. */
export const frenchDay = (at: Date) => parisDate.format(at);
