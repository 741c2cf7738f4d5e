import type { DailyPoint } from '@/lib/campaigns/statistics';
import { count, frenchDate, percent } from './campaign-format';
import { LineChart } from './LineChart';
import { RATE_SERIES, rateOf } from './rate-series';

const tickRate = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const SERIES = RATE_SERIES.map((s) => ({ ...s, value: (p: DailyPoint) => rateOf(p, s.key) }));

/** BO-1: opposition, creation and activation rates over time (LineChart). */
export function RateChart({ series, title }: { series: DailyPoint[]; title: string }) {
  if (series.length === 0) return <p className="mb-6">Aucun avis envoyé pour le moment : les taux apparaîtront dès les premiers envois.</p>;
  const end = series[series.length - 1]!;
  const description = `Du ${frenchDate(series[0]!.day)} au ${frenchDate(end.day)}. Au dernier jour, sur ${count.format(end.notices)} avis envoyés : `
    + RATE_SERIES.map((s) => `${s.label.toLowerCase()} ${percent.format(rateOf(end, s.key))}`).join(', ') + '.';
  return <LineChart points={series} series={SERIES} title={title} description={description} yLabel="Part des avis envoyés" yTick={tickRate.format} yMin={0.1} />;
}
