import { Table } from '@/components/ui';
import type { ChannelTotals, DailyKey, PreventionDay, PreventionStatistics as Stats } from '@/lib/prevention-campaigns/statistics';
import { count, frenchDate, percent, rate } from './campaign-format';
import { LineChart, type ChartSeries } from './LineChart';

const LABELS: Record<DailyKey, string> = {
  delivered: 'Messages remis', emails: 'Courriels d’accroche envoyés', pushes: 'Notifications push envoyées', read: 'Messages lus',
};
const STYLE: Record<DailyKey, Omit<ChartSeries<PreventionDay>, 'key' | 'label' | 'value'>> = {
  delivered: { stroke: 'stroke-primary-700', fill: 'fill-primary-700', dash: undefined, marker: 'circle', size: 7 },
  emails: { stroke: 'stroke-warning-700', fill: 'fill-warning-700', dash: '10 6', marker: 'square', size: 5 },
  pushes: { stroke: 'stroke-success-700', fill: 'fill-success-700', dash: '2 5', marker: 'triangle', size: 4 },
  read: { stroke: 'stroke-accent-700', fill: 'fill-accent-700', dash: '14 4 2 4', marker: 'diamond', size: 3 },
};
const KEYS = Object.keys(LABELS) as DailyKey[];
const SERIES = KEYS.map((key) => ({ key, label: `${LABELS[key]} (cumul)`, ...STYLE[key], value: (p: PreventionDay) => p.total[key] }));

/** "12 envoyés sur 15 (1 en échec, 2 non envoyés)". */
function channel(c: ChannelTotals, none: string): string {
  if (c.queued === 0) return none;
  const extra = [c.failed > 0 && `${count.format(c.failed)} en échec`, c.skipped > 0 && `${count.format(c.skipped)} non envoyé${c.skipped > 1 ? 's' : ''}`].filter(Boolean);
  return `${count.format(c.sent)} sur ${count.format(c.queued)}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

/**
 * PRV-9, BO: what a prevention campaign delivered on each channel and how much was read, then each channel
 * per Paris day as a chart (cumulated), with the same figures as a table (its text alternative).
 */
export function PreventionStatistics({ stats: { totals, series }, chartTitle }: { stats: Stats; chartTitle: string }) {
  const figures: [string, string][] = [
    ['Messages remis (page d’accueil et rubrique « Prévention »)', count.format(totals.delivered)],
    [LABELS.read, `${count.format(totals.read)} (${percent.format(rate(totals.read, totals.delivered))} des messages remis)`],
    [LABELS.emails, channel(totals.emails, 'aucun à envoyer')],
    [LABELS.pushes, channel(totals.pushes, 'aucune à envoyer (aucun appareil enregistré)')],
  ];
  const end = series.at(-1);
  return (
    <>
      <dl className="mb-8 grid max-w-4xl grid-cols-1 gap-3 sm:grid-cols-2">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-border bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
      {!end ? <p className="mb-6">Aucun message remis pour le moment : la courbe apparaîtra dès les premiers envois.</p> : (
        <>
          <LineChart points={series} series={SERIES} title={chartTitle} yLabel="Nombre (cumul)" yTick={(v) => count.format(v)} yMin={1} yIntegers
            description={`Du ${frenchDate(series[0]!.day)} au ${frenchDate(end.day)}, en cumul : `
              + KEYS.map((k) => `${LABELS[k].toLowerCase()} ${count.format(end.total[k])}`).join(', ') + '.'} />
          <details className="mb-8 max-w-4xl">
            <summary className="cursor-pointer font-semibold text-primary-700 underline underline-offset-4">
              Afficher les données du graphique sous forme de tableau
            </summary>
            <Table caption={`${chartTitle} : valeurs jour par jour (le jour même, et le cumul à la fin du jour)`} rows={[...series].reverse()}
              rowKey={(p) => p.day} className="mt-4"
              columns={[
                { key: 'day', header: 'Jour', rowHeader: true, cell: (p) => frenchDate(p.day) },
                ...KEYS.map((k) => ({ key: k, header: LABELS[k], align: 'right' as const,
                  cell: (p: PreventionDay) => `${count.format(p.daily[k])} (cumul ${count.format(p.total[k])})` })),
              ]} />
          </details>
        </>
      )}
    </>
  );
}
