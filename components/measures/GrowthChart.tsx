import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import { frenchNumber } from '@/lib/measures/format';
import { ageTicks, frenchAgeTick } from '@/lib/measures/growth/age';
import { describeGrowthCurve, growthNotes, latestSentence, referenceLine } from '@/lib/measures/growth/describe';
import type { BandSample, GrowthCurve, GrowthPoint } from '@/lib/measures/growth/growth-curve';
import { PERCENTILES } from '@/lib/measures/growth/lms';
import type { MeasureType } from '@/lib/measures/measure-types';

const W = 720;
const H = 380;
const M = { top: 20, right: 60, bottom: 64, left: 72 };

/**
 * Lines told apart by dash pattern and by their label at the right end, not by colour: the median solid,
 * P15/P85 dashed, P3/P97 dotted, all in the muted ink (7:1 on white, ≥ 5:1 on the band fills); the
 * child's values in primary-700 (≥ 7:1), thicker, with round markers. WCAG 1.4.1 and 1.4.11.
 */
const LINE_STYLE: Record<number, { dash?: string; width: number }> = {
  3: { dash: '2 4', width: 2 }, 15: { dash: '8 5', width: 2 }, 50: { width: 2.5 }, 85: { dash: '8 5', width: 2 }, 97: { dash: '2 4', width: 2 },
};

function marker(x: number, y: number, r = 5): string {
  return `M${x - r},${y}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
}

/** Right-end labels of the five lines, pushed apart when the lines run close together. */
function labelPositions(ys: number[], gap = 13): number[] {
  const placed = [...ys];
  for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.max(placed[i]!, placed[i + 1]! + gap); // lowest line has the largest y
  return placed;
}

type Props = { curve: GrowthCurve; type: MeasureType; title: string; childName: string };

/**
 * MEA-6 (MEA-3 for the IMC): a child's values on an age axis over the WHO percentile bands of the child's
 * sex, drawn on the server as SVG. Named by its title, described in words (where the latest value stands),
 * with its legend and reference version below; the data table beside it holds every value.
 */
export function GrowthChart({ curve, type, title, childName }: Props) {
  const id = useId();
  const [from, to] = curve.domain;
  const x = scaleLinear().domain([from, to]).range([M.left, W - M.right]);
  const bandValues = curve.bands.flat().flatMap((b) => [b.values[0]!, b.values[4]!]);
  const all = [...curve.points.map((p) => p.value), ...bandValues];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = hi > lo ? (hi - lo) * 0.06 : Math.max(hi * 0.1, 1);
  const y = scaleLinear().domain([Math.max(0, lo - pad), hi + pad]).nice(6).range([H - M.bottom, M.top]);
  const lastRun = curve.bands[curve.bands.length - 1];
  const lastSample = lastRun?.[lastRun.length - 1];
  const labels = lastSample ? labelPositions(lastSample.values.map((v) => y(v))) : [];
  const notes = growthNotes(curve, type, childName);
  return (
    <figure className="mb-6 max-w-3xl rounded-lg border border-border bg-white p-4">
      <p className="mb-3 font-semibold">{latestSentence(curve, type)}</p>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{describeGrowthCurve(curve, type)}</desc>
        {curve.bands.map((run, i) => (
          <g key={`fill-${i}`}>
            <path d={area<BandSample>((b) => x(b.age), (b) => y(b.values[0]!), (b) => y(b.values[4]!))(run) ?? ''} className="fill-accent-50" />
            <path d={area<BandSample>((b) => x(b.age), (b) => y(b.values[1]!), (b) => y(b.values[3]!))(run) ?? ''} className="fill-primary-100" />
          </g>
        ))}
        {y.ticks(6).map((t) => (
          <g key={t}>
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} className="stroke-border" strokeOpacity={0.6} />
            <text x={M.left - 8} y={y(t)} dy="0.32em" textAnchor="end" className="fill-ink text-[14px]">{frenchNumber(t)}</text>
          </g>
        ))}
        {ageTicks(from, to).map((t) => (
          <text key={t} x={x(t)} y={H - M.bottom + 22} textAnchor="middle" className="fill-ink text-[14px]">{frenchAgeTick(t)}</text>
        ))}
        {curve.bands.map((run, i) => (
          <g key={`lines-${i}`}>
            {PERCENTILES.map((p, k) => (
              <path key={p.p} d={line<BandSample>((b) => x(b.age), (b) => y(b.values[k]!))(run) ?? ''} fill="none"
                strokeWidth={LINE_STYLE[p.p]!.width} strokeDasharray={LINE_STYLE[p.p]!.dash} className="stroke-muted" />
            ))}
          </g>
        ))}
        {lastSample && PERCENTILES.map((p, k) => (
          <text key={p.p} x={x(lastSample.age) + 6} y={labels[k]} dy="0.32em" className="fill-ink text-[13px]">{`P${p.p}`}</text>
        ))}
        <line x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} className="stroke-border-strong" />
        <line x1={M.left} x2={M.left} y1={M.top} y2={H - M.bottom} className="stroke-border-strong" />
        <text x={(M.left + W - M.right) / 2} y={H - 12} textAnchor="middle" className="fill-ink text-[14px] font-semibold">Âge</text>
        <text transform={`translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="fill-ink text-[14px] font-semibold">
          {`${type.label} (${type.unit})`}
        </text>
        <path d={line<GrowthPoint>((p) => x(p.ageMonths), (p) => y(p.value))(curve.points) ?? ''} fill="none" strokeWidth={3}
          strokeLinecap="round" strokeLinejoin="round" className="stroke-primary-700" />
        {curve.points.length <= 120 && curve.points.map((p, i) => (
          <path key={`${p.at.toISOString()}-${i}`} d={marker(x(p.ageMonths), y(p.value))} strokeWidth={1.5} className="fill-primary-700 stroke-white" />
        ))}
      </svg>
      <figcaption>
        <ul className="mt-2 flex flex-wrap gap-x-6 gap-y-2" aria-label="Légende">
          <li className="flex items-center gap-2">
            <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true" focusable="false">
              <line x1="2" x2="42" y1="9" y2="9" strokeWidth={3} strokeLinecap="round" className="stroke-primary-700" />
              <path d={marker(22, 9)} className="fill-primary-700" />
            </svg>
            Valeurs de {childName}
          </li>
          {curve.bands.length > 0 && [
            { key: 'p50', label: 'Médiane (50e percentile)', style: LINE_STYLE[50]!, fill: undefined },
            { key: 'p15', label: '15e et 85e percentiles', style: LINE_STYLE[15]!, fill: 'fill-primary-100' },
            { key: 'p3', label: '3e et 97e percentiles', style: LINE_STYLE[3]!, fill: 'fill-accent-50' },
          ].map((item) => (
            <li key={item.key} className="flex items-center gap-2">
              <svg width="44" height="18" viewBox="0 0 44 18" aria-hidden="true" focusable="false">
                {item.fill && <rect x="2" y="3" width="40" height="12" className={item.fill} />}
                <line x1="2" x2="42" y1="9" y2="9" strokeWidth={item.style.width} strokeDasharray={item.style.dash} className="stroke-muted" />
              </svg>
              {item.label}
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm">{referenceLine(curve)}.</p>
        {notes.map((note) => <p key={note} className="mt-1 text-sm">{note}</p>)}
      </figcaption>
    </figure>
  );
}
