import { Table } from '@/components/ui';
import type { CampaignStatistics as Stats } from '@/lib/campaigns/statistics';
import { count, frenchDate, percent, rate } from './campaign-format';
import { RateChart } from './RateChart';
import { RATE_SERIES, rateOf } from './rate-series';

const withRate = (n: number, notices: number) => `${count.format(n)} (${percent.format(rate(n, notices))})`;

/**
 * BO-1: the rates chart, the same figures as a table (the chart's text alternative), and the split by
 * département. Rates are over the notices sent; a profile counts as created the day after its window.
 */
export function CampaignStatistics({ stats, chartTitle }: { stats: Stats; chartTitle: string }) {
  const series = stats.series.filter((p) => p.notices > 0); // cumulative: drops only the days before the first notice
  return (
    <>
      <RateChart series={series} title={chartTitle} />
      {series.length > 0 && (
        <details className="mb-8 max-w-3xl">
          <summary className="cursor-pointer font-semibold text-primary-700 underline underline-offset-4">
            Afficher les données du graphique sous forme de tableau
          </summary>
          <Table caption={`${chartTitle} : valeurs jour par jour (cumul à la fin de chaque jour)`} rows={[...series].reverse()}
            rowKey={(p) => p.day} className="mt-4"
            columns={[
              { key: 'day', header: 'Jour', rowHeader: true, cell: (p) => frenchDate(p.day) },
              { key: 'notices', header: 'Avis envoyés', align: 'right', cell: (p) => count.format(p.notices) },
              ...RATE_SERIES.map((s) => ({ key: s.key, header: s.label, align: 'right' as const, cell: (p: (typeof series)[number]) => percent.format(rateOf(p, s.key)) })),
            ]} />
        </details>
      )}
      <Table caption="Par département (depuis le premier envoi)" rows={stats.byDepartement} rowKey={(r) => r.departement}
        empty="Aucun avis envoyé pour le moment."
        columns={[
          { key: 'dep', header: 'Département', rowHeader: true, cell: (r) => r.departement },
          { key: 'notices', header: 'Avis envoyés', align: 'right', cell: (r) => count.format(r.notices) },
          { key: 'opposed', header: 'Oppositions (taux)', align: 'right', cell: (r) => withRate(r.opposed, r.notices) },
          { key: 'created', header: 'Profils créés (taux)', align: 'right', cell: (r) => withRate(r.created, r.notices) },
          { key: 'activated', header: 'Profils activés (taux)', align: 'right', cell: (r) => withRate(r.activated, r.notices) },
        ]} />
    </>
  );
}
