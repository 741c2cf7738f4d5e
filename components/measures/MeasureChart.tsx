import { useId } from 'react';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { formatMeasure, frenchDateTime, frenchNumber } from '@/lib/measures/format';
import type { Measure } from '@/lib/measures/measure-rows';
import type { MeasureType } from '@/lib/measures/measure-types';
import type { TargetRange } from '@/lib/measures/target-range';

const W = 720;
const H = 340;
const M = { top: 20, right: 24, bottom: 64, left: 72 };
const DAY = 86_400_000;
const tickDay = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'Europe/Paris' });
const tickHour = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/**
 * Each series told apart by line style and marker shape, not by colour alone; colours are the theme's
 * 700 shades (≥ 7:1 on white, WCAG 1.4.11 asks 3:1 for graphics).
 */
const SERIES = [
  { stroke: 'stroke-primary-700', fill: 'fill-primary-700', dash: undefined, marker: 'circle' },
  { stroke: 'stroke-accent-700', fill: 'fill-accent-700', dash: '8 5', marker: 'square' },
] as const;

function marker(shape: 'circle' | 'square', x: number, y: number, r = 5): string {
  if (shape === 'circle') return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  return `M${x - r},${y - r}h${2 * r}v${2 * r}h${-2 * r}z`;
}

type Props = { type: MeasureType; measures: readonly Measure[]; target: TargetRange | null; title: string };

/** The words of the chart, for its accessible description: period, latest value, extremes, target. */
export function describeSeries(type: MeasureType, points: readonly Measure[], target: TargetRange | null): string {
  const last = points[points.length - 1]!;
  const values = points.map((p) => p.value);
  const parts = [
    `${points.length} valeur${points.length > 1 ? 's' : ''} du ${frenchDateTime(points[0]!.effectiveAt)} au ${frenchDateTime(last.effectiveAt)}.`,
    `Dernière valeur : ${formatMeasure(type, last.value, last.value2)}.`,
  ];
  if (points.length > 1 && !type.components[1]) {
    parts.push(`Plus basse : ${formatMeasure(type, Math.min(...values))} ; plus haute : ${formatMeasure(type, Math.max(...values))}.`);
  }
  if (target) parts.push(`Objectif : ${describeTarget(type, target)}.`);
  return parts.join(' ');
}

/** MEA-7 in words: « entre 65 et 72,5 kg », « au plus 135 mmHg (systolique) ». */
export function describeTarget(type: MeasureType, t: TargetRange): string {
  const one = (low: number | null, high: number | null) => {
    const f = (v: number) => frenchNumber(v, type.components[0]?.decimals ?? 2);
    if (low !== null && high !== null) return `entre ${f(low)} et ${f(high)} ${type.unit}`;
    if (low !== null) return `au moins ${f(low)} ${type.unit}`;
    return high !== null ? `au plus ${f(high)} ${type.unit}` : undefined;
  };
  if (!type.components[1]) return one(t.low, t.high) ?? 'aucun';
  return [['systolique', one(t.low, t.high)], ['diastolique', one(t.low2, t.high2)]]
    .filter(([, text]) => text).map(([name, text]) => `${text} (${name})`).join(', ');
}

/**
 * MEA-1, MEA-7: one type's values over time, drawn on the server as SVG (no script), with the target
 * range as a band. Named by its title and described in words; the data table beside it holds every value.
 */
export function MeasureChart({ type, measures, target, title }: Props) {
  const id = useId();
  if (measures.length === 0) return <p className="mb-6">Aucune valeur enregistrée pour le moment : la courbe apparaîtra dès la première.</p>;
  const points = [...measures].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
  const first = points[0]!.effectiveAt.getTime();
  const last = points[points.length - 1]!.effectiveAt.getTime();
  const [from, to] = first < last ? [first, last] : [first - DAY, last + DAY];
  const x = scaleUtc().domain([new Date(from), new Date(to)]).range([M.left, W - M.right]);
  const twoSeries = !!type.components[1];
  const bounds = target ? [target.low, target.high, ...(twoSeries ? [target.low2, target.high2] : [])].filter((v): v is number => v !== null) : [];
  const all = [...points.flatMap((p) => (p.value2 === null ? [p.value] : [p.value, p.value2])), ...bounds];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = hi > lo ? (hi - lo) * 0.1 : Math.max(Math.abs(hi) * 0.1, 1);
  const y = scaleLinear().domain([Math.max(0, lo - pad), hi + pad]).nice(5).range([H - M.bottom, M.top]);
  const [yMin, yMax] = y.domain() as [number, number];
  const clampY = (v: number) => y(Math.min(Math.max(v, yMin), yMax));
  const tickFormat = to - from < 2 * DAY ? tickHour : tickDay;
  const series = twoSeries ? [{ name: 'Systolique', of: (p: Measure) => p.value }, { name: 'Diastolique', of: (p: Measure) => p.value2 ?? p.value }]
    : [{ name: type.label, of: (p: Measure) => p.value }];
  const bands: [number | null, number | null][] = target ? [[target.low, target.high], ...(twoSeries ? [[target.low2, target.high2] as [number | null, number | null]] : [])] : [];
  const showMarkers = points.length <= 60;
  return (
    <figure className="mb-6 max-w-3xl rounded-lg border border-border bg-white p-4">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeSeries(type, points, target)}</desc>
        {bands.map(([low, high], i) => (low === null && high === null ? null : (
          <g key={i}>
            <rect x={M.left} width={W - M.left - M.right} y={clampY(high ?? yMax)} height={Math.max(0, clampY(low ?? yMin) - clampY(high ?? yMax))}
              className="fill-success-50" />
            {[low, high].map((b, j) => b !== null && (
              <line key={j} x1={M.left} x2={W - M.right} y1={clampY(b)} y2={clampY(b)} strokeWidth={2} strokeDasharray="3 4" className="stroke-success-700" />
            ))}
          </g>
        )))}
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeOpacity={0.6} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ink text-[14px]">{frenchNumber(t)}</text>
          </g>
        ))}
        {x.ticks(Math.min(5, Math.max(2, points.length))).map((t) => (
          <text key={+t} x={x(t)} y={H - M.bottom + 22} textAnchor="middle" className="fill-ink text-[14px]">{tickFormat.format(t)}</text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="stroke-border-strong" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="stroke-border-strong" />
        <text x={(M.left + W - M.right) / 2} y={H - 12} textAnchor="middle" className="fill-ink text-[14px] font-semibold">Date de la mesure (heure de Paris)</text>
        <text transform={`translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="fill-ink text-[14px] font-semibold">
          {`${type.label} (${type.unit})`}
        </text>
        {series.map((s, i) => {
          const style = SERIES[i]!;
          return (
            <g key={s.name}>
              <path d={line<Measure>((p) => x(p.effectiveAt), (p) => y(s.of(p)))(points) ?? ''} fill="none" strokeWidth={3}
                strokeDasharray={style.dash} strokeLinecap="round" strokeLinejoin="round" className={style.stroke} />
              {showMarkers && points.map((p) => (
                <path key={p.id} d={marker(style.marker, x(p.effectiveAt), y(s.of(p)))} strokeWidth={1.5} className={`${style.fill} stroke-white`} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label="Légende">
          {series.map((s, i) => (
            <li key={s.name} className="flex items-center gap-2">
              <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true" focusable="false">
                <line x1="2" x2="42" y1="9" y2="9" strokeWidth={3} strokeDasharray={SERIES[i]!.dash} strokeLinecap="round" className={SERIES[i]!.stroke} />
                <path d={marker(SERIES[i]!.marker, 22, 9)} className={SERIES[i]!.fill} />
              </svg>
              {s.name}
            </li>
          ))}
          {target && (
            <li className="flex items-center gap-2">
              <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true" focusable="false">
                <rect x="2" y="2" width="40" height="14" className="fill-success-50" />
                <line x1="2" x2="42" y1="2" y2="2" strokeWidth={2} strokeDasharray="3 4" className="stroke-success-700" />
                <line x1="2" x2="42" y1="16" y2="16" strokeWidth={2} strokeDasharray="3 4" className="stroke-success-700" />
              </svg>
              Objectif : {describeTarget(type, target)}
            </li>
          )}
        </ul>
      </figcaption>
    </figure>
  );
}
