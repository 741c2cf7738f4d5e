import Link from 'next/link';
import { Table } from '@/components/ui';
import { formatMeasure, frenchDateTime } from '@/lib/measures/format';
import type { Measure } from '@/lib/measures/measure-rows';
import type { MeasureType } from '@/lib/measures/measure-types';
import { targetStatus, type TargetRange } from '@/lib/measures/target-range';
import { TARGET_STATUS_LABELS } from './labels';
import { MeasureSource } from './MeasureSource';

type Props = {
  type: MeasureType; measures: readonly Measure[]; target: TargetRange | null; deleteHref: (m: Measure) => string;
  /** The reader's own profile: links to source documents then carry no `?profil=` (MEA-4). */
  own?: boolean;
};

/** MEA-7: where a reading stands; blood pressure stands as its worse half. */
function statusOf(m: Measure, t: TargetRange | null) {
  if (!t) return undefined;
  const first = targetStatus(m.value, t.low, t.high);
  const second = m.value2 === null ? undefined : targetStatus(m.value2, t.low2, t.high2);
  return [first, second].find((s) => s && s !== 'WITHIN') ?? first ?? second;
}

/**
 * The values of the chart as a table, newest first: date, value, target status, source (MEA-4: a value
 * read from a document links to it), deletion of one's own entries.
 */
export function MeasuresTable({ type, measures, target, deleteHref, own }: Props) {
  return (
    <Table<Measure> caption="Valeurs enregistrées" rows={measures} rowKey={(m) => m.id}
      empty="Aucune valeur enregistrée pour le moment."
      columns={[
        { key: 'date', header: 'Date et heure', rowHeader: true, cell: (m) => frenchDateTime(m.effectiveAt) },
        { key: 'value', header: 'Valeur', cell: (m) => formatMeasure(type, m.value, m.value2) },
        ...(target ? [{ key: 'target', header: 'Objectif', cell: (m: Measure) => {
          const status = statusOf(m, target);
          return status ? TARGET_STATUS_LABELS[status] : '—';
        } }] : []),
        { key: 'source', header: 'Origine', cell: (m) => <MeasureSource measure={m} own={own} /> },
        { key: 'action', header: 'Action', cell: (m) => (m.source === 'PATIENT'
          ? <Link href={deleteHref(m)}>Supprimer<span className="sr-only"> la valeur du {frenchDateTime(m.effectiveAt)}</span></Link>
          : <span className="text-muted">Non supprimable ici</span>) },
      ]} />
  );
}
