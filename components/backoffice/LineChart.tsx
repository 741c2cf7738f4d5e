import { useId } from 'react';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import { markerPath, type Marker } from './rate-series';

/** One line: its legend, how it is told apart without colour (dash, marker), and its value on a day. */
export type ChartSeries<P> = {
  key: string; label: string; stroke: string; fill: string; dash: string | undefined; marker: Marker; size: number; value: (p: P) => number;
};

const W = 720;
const H = 340;
const M = { top: 20, right: 24, bottom: 64, left: 72 };
const tickDay = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

type Props<P extends { day: string }> = {
  points: P[]; series: readonly ChartSeries<P>[]; title: string; description: string;
  yLabel: string; yTick: (v: number) => string; yMin: number; yIntegers?: boolean;
};

/**
 * BO: lines over Europe/Paris days, drawn on the server as SVG (no script). Named by its title and
 * summarised by its description; the legend, dash patterns and marker shapes do not rely on colour.
 * The caller gives at least one point.
 */
export function LineChart<P extends { day: string }>({ points, series, title, description, yLabel, yTick, yMin, yIntegers = false }: Props<P>) {
  const id = useId();
  const first = dayOf(points[0]!.day);
  const last = dayOf(points[points.length - 1]!.day);
  const x = scaleUtc().domain(first < last ? [first, last] : [new Date(+first - 864e5), new Date(+last + 864e5)]).range([M.left, W - M.right]);
  const top = Math.max(yMin, ...points.flatMap((p) => series.map((s) => s.value(p))));
  const y = scaleLinear().domain([0, top]).nice(5).range([H - M.bottom, M.top]);
  const yTicks = y.ticks(5).filter((t) => !yIntegers || Number.isInteger(t));
  const showMarkers = points.length <= 45;
  return (
    <figure className="mb-6 max-w-3xl rounded-lg border border-border bg-white p-4">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {yTicks.map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ink text-[14px]">{yTick(t)}</text>
          </g>
        ))}
        {x.ticks(Math.min(6, points.length)).map((t) => (
          <text key={+t} x={x(t)} y={H - M.bottom + 22} textAnchor="middle" className="fill-ink text-[14px]">{tickDay.format(t)}</text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="stroke-border-strong" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="stroke-border-strong" />
        <text x={(M.left + W - M.right) / 2} y={H - 12} textAnchor="middle" className="fill-ink text-[14px] font-semibold">Jour (heure de Paris)</text>
        <text transform={`translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="fill-ink text-[14px] font-semibold">
          {yLabel}
        </text>
        {series.map((s) => (
          <g key={s.key}>
            <path d={line<P>((p) => x(dayOf(p.day)), (p) => y(s.value(p)))(points) ?? ''} fill="none" strokeWidth={3}
              strokeDasharray={s.dash} strokeLinecap="round" className={s.stroke} />
            {showMarkers && points.map((p) => <path key={p.day} d={markerPath(s.marker, x(dayOf(p.day)), y(s.value(p)), s.size)} strokeWidth={1.5} className={`${s.fill} stroke-white`} />)}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label="Légende">
          {series.map((s) => (
            <li key={s.key} className="flex items-center gap-2">
              <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true" focusable="false">
                <line x1="2" x2="42" y1="9" y2="9" strokeWidth={3} strokeDasharray={s.dash} strokeLinecap="round" className={s.stroke} />
                <path d={markerPath(s.marker, 22, 9, s.size)} className={s.fill} />
              </svg>
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
