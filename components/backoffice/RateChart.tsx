import { useId } from 'react';
import { scaleLinear, scaleUtc } from 'd3-scale';
import { line } from 'd3-shape';
import type { DailyPoint } from '@/lib/campaigns/statistics';
import { count, frenchDate, percent } from './campaign-format';
import { markerPath, RATE_SERIES, rateOf } from './rate-series';

const W = 720;
const H = 340;
const M = { top: 20, right: 24, bottom: 64, left: 72 };
const tickDay = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const tickRate = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const dayOf = (iso: string) => new Date(`${iso}T00:00:00Z`);

/**
 * BO-1: opposition, creation and activation rates over time, drawn on the server as SVG (no script).
 * Named by its title and summarised by its description; the legend and dash patterns do not rely on colour.
 */
export function RateChart({ series, title }: { series: DailyPoint[]; title: string }) {
  const id = useId();
  if (series.length === 0) return <p className="mb-6">Aucun avis envoyé pour le moment : les taux apparaîtront dès les premiers envois.</p>;
  const first = dayOf(series[0]!.day);
  const last = dayOf(series[series.length - 1]!.day);
  const x = scaleUtc().domain(first < last ? [first, last] : [new Date(+first - 864e5), new Date(+last + 864e5)]).range([M.left, W - M.right]);
  const top = Math.max(0.1, ...series.flatMap((p) => RATE_SERIES.map((s) => rateOf(p, s.key))));
  const y = scaleLinear().domain([0, top]).nice(5).range([H - M.bottom, M.top]);
  const end = series[series.length - 1]!;
  const description = `Du ${frenchDate(series[0]!.day)} au ${frenchDate(end.day)}. Au dernier jour, sur ${count.format(end.notices)} avis envoyés : `
    + RATE_SERIES.map((s) => `${s.label.toLowerCase()} ${percent.format(rateOf(end, s.key))}`).join(', ') + '.';
  const showMarkers = series.length <= 45;
  return (
    <figure className="mb-6 max-w-3xl rounded-lg border border-border bg-white p-4">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ink text-[14px]">{tickRate.format(t)}</text>
          </g>
        ))}
        {x.ticks(Math.min(6, series.length)).map((t) => (
          <text key={+t} x={x(t)} y={H - M.bottom + 22} textAnchor="middle" className="fill-ink text-[14px]">{tickDay.format(t)}</text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="stroke-border-strong" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="stroke-border-strong" />
        <text x={(M.left + W - M.right) / 2} y={H - 12} textAnchor="middle" className="fill-ink text-[14px] font-semibold">Jour (heure de Paris)</text>
        <text transform={`translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="fill-ink text-[14px] font-semibold">
          Part des avis envoyés
        </text>
        {RATE_SERIES.map((s) => (
          <g key={s.key}>
            <path d={line<DailyPoint>((p) => x(dayOf(p.day)), (p) => y(rateOf(p, s.key)))(series) ?? ''} fill="none" strokeWidth={3}
              strokeDasharray={s.dash} strokeLinecap="round" className={s.stroke} />
            {showMarkers && series.map((p) => <path key={p.day} d={markerPath(s.marker, x(dayOf(p.day)), y(rateOf(p, s.key)), s.size)} strokeWidth={1.5} className={`${s.fill} stroke-white`} />)}
          </g>
        ))}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label="Légende">
          {RATE_SERIES.map((s) => (
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
