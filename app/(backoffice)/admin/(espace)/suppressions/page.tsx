import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, PageTitle, Table } from '@/components/ui';
import { dayFr, momentFr } from '@/components/closure/labels';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { deletionQueue } from '@/lib/closure/purge';
import { DELETION_ALERT_DAYS, DELETION_PURGE_DAYS } from '@/lib/closure/rules';
import { clock } from '@/lib/clock';

export const metadata: Metadata = { title: 'File des suppressions' };

type Row = Awaited<ReturnType<typeof deletionQueue>>[number];

/** CLO-5, BO-6: pending deletion requests with their deadlines; past +75 days a request is flagged. */
export default async function DeletionQueuePage() {
  const actor = await requireAudience('staff');
  const rows = await deletionQueue(getDb(), actor, clock.now());
  const late = rows.filter((r) => r.alert).length;
  return (
    <>
      <PageTitle title="File des suppressions"
        lead={`Demandes de suppression en attente. La suppression a lieu automatiquement ${DELETION_PURGE_DAYS} jours après la demande ; une demande non traitée ${DELETION_ALERT_DAYS} jours après est signalée en retard, la suppression devant intervenir sous 3 mois.`} />
      <p className="mb-4" role="status">
        {rows.length === 0 ? 'Aucune demande en attente.' : `${rows.length} demande${rows.length > 1 ? 's' : ''} en attente, dont ${late} en retard.`}
      </p>
      <Table<Row> caption="Demandes de suppression en attente" rows={rows} rowKey={(r) => r.id} empty="Aucune demande de suppression en attente."
        columns={[
          { key: 'name', header: 'Bénéficiaire', rowHeader: true, cell: (r) => (
            <Link href={`/admin/beneficiaires/${r.id}/cycle-de-vie`}>{r.first_names} {r.birth_name}</Link>
          ) },
          { key: 'requested', header: 'Demandée le', cell: (r) => (r.deletion_requested_at ? momentFr(r.deletion_requested_at) : '—') },
          { key: 'due', header: 'Suppression prévue le', cell: (r) => (r.purge_due_on ? dayFr(r.purge_due_on) : '—') },
          { key: 'status', header: 'Suivi', cell: (r) => (r.alert
            ? <Badge variant="error">En retard (plus de {DELETION_ALERT_DAYS} jours)</Badge>
            : <Badge variant="neutral">Dans les délais</Badge>) },
        ]} />
    </>
  );
}
