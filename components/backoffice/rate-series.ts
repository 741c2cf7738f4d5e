import type { DailyPoint } from '@/lib/campaigns/statistics';

/**
 * The three rates of BO-1, each told apart by its dash pattern and marker shape, not by colour alone.
 * Markers shrink from first to last, so equal values stay visible as nested shapes.
 */
export const RATE_SERIES = [
  { key: 'opposed', label: 'Taux d’opposition', stroke: 'stroke-error-700', fill: 'fill-error-700', dash: undefined, marker: 'circle', size: 7 },
  { key: 'created', label: 'Taux de création', stroke: 'stroke-primary-700', fill: 'fill-primary-700', dash: '10 6', marker: 'square', size: 5 },
  { key: 'activated', label: 'Taux d’activation', stroke: 'stroke-accent-700', fill: 'fill-accent-700', dash: '2 5', marker: 'triangle', size: 4 },
] as const;

export type RateKey = (typeof RATE_SERIES)[number]['key'];
export type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

/** Share of the notices sent by the end of that day (0 when none was sent yet). */
export const rateOf = (p: DailyPoint, key: RateKey) => (p.notices > 0 ? p[key] / p.notices : 0);

/** A marker centred on (x, y): circle, square, triangle or diamond. */
export function markerPath(shape: Marker, x: number, y: number, r = 5): string {
  if (shape === 'circle') return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  if (shape === 'square') return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
  if (shape === 'diamond') return `M${x},${y - r - 1}l${r + 1},${r + 1}l${-r - 1},${r + 1}l${-r - 1},${-r - 1}z`;
  return `M${x},${y - r - 1}l${r + 1},${2 * r + 1}h${-2 * r - 2}z`;
}
