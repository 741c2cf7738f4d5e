import type { Lms } from './reference';

/**
 * MEA-6: the percentile lines drawn, with their z-scores (P3 = −1.881, P15 = −1.036, P50 = 0,
 * P85 = 1.036, P97 = 1.881), lowest first.
 */
export const PERCENTILES = [
  { p: 3, z: -1.881 },
  { p: 15, z: -1.036 },
  { p: 50, z: 0 },
  { p: 85, z: 1.036 },
  { p: 97, z: 1.881 },
] as const;
export type Percentile = (typeof PERCENTILES)[number]['p'];

/** The measurement at z-score `z`: M·(1 + L·S·z)^(1/L), or M·exp(S·z) when L = 0 (Cole's LMS method). */
export function valueAtZ({ L, M, S }: Lms, z: number): number {
  if (L === 0) return M * Math.exp(S * z);
  return M * Math.pow(1 + L * S * z, 1 / L);
}

/** The z-score of a measurement: ((v/M)^L − 1) / (L·S), or ln(v/M) / S when L = 0. */
export function zScore({ L, M, S }: Lms, value: number): number {
  if (L === 0) return Math.log(value / M) / S;
  return (Math.pow(value / M, L) - 1) / (L * S);
}

/** Where a value stands among the drawn lines. A value on a line counts in the band above it. */
export type BandPosition =
  | { kind: 'below'; p: 3 }
  | { kind: 'between'; low: Percentile; high: Percentile }
  | { kind: 'above'; p: 97 };

export function bandOf(lms: Lms, value: number): BandPosition {
  const lines = PERCENTILES.map((l) => ({ p: l.p, value: valueAtZ(lms, l.z) }));
  if (value < lines[0]!.value) return { kind: 'below', p: 3 };
  for (let i = 0; i < lines.length - 1; i++) {
    if (value < lines[i + 1]!.value) return { kind: 'between', low: lines[i]!.p, high: lines[i + 1]!.p };
  }
  return { kind: 'above', p: 97 };
}

/** « entre le 15e et le 50e percentile », « au-dessus du 97e percentile ». */
export function describeBand(b: BandPosition): string {
  if (b.kind === 'below') return 'en dessous du 3e percentile';
  if (b.kind === 'above') return 'au-dessus du 97e percentile';
  return `entre le ${b.low}e et le ${b.high}e percentile`;
}
