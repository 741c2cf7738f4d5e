import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, Badge, PageTitle, Table } from '@/components/ui';
import { AutoRefresh } from '@/components/backoffice/AutoRefresh';
import { IMPORT_STATUS } from '@/components/backoffice/import-status';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { getCareHistoryImport } from '@/lib/care-history/imports-read';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';

export const metadata: Metadata = { title: 'Import de remboursements' };
const n = new Intl.NumberFormat('fr-FR');

/** HIS-1, HIS-3, HIS-6: one feed import, its counts and its first rejections. */
export default async function CareHistoryImportPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const imp = await getCareHistoryImport(getDb(), actor, id, clock.now()).catch((e) => { if (e instanceof NotFoundError) notFound(); throw e; });
  const running = imp.status === 'RECEIVED' || imp.status === 'RUNNING';
  const figures: [string, number][] = [
    ['Lignes lues', imp.lines_read], ['Soins ajoutés', imp.inserted], ['Déjà connus', imp.already_known],
    ['Non enregistrés (soins confidentiels de mineurs)', imp.withheld], ['Lignes rejetées', imp.rejected],
  ];
  return (
    <>
      <PageTitle title={`Import « ${imp.filename} »`} />
      <p className="mb-6" role="status">
        État : <Badge variant={IMPORT_STATUS[imp.status].variant}>{IMPORT_STATUS[imp.status].label}</Badge>
        {running && ' — cette page se met à jour toute seule.'}
      </p>
      {running && <AutoRefresh seconds={3} />}
      {imp.error && <Alert variant="error" title="L’import a échoué">{imp.error}</Alert>}
      <dl className="mb-8 grid max-w-3xl grid-cols-2 gap-4 sm:grid-cols-3">
        {figures.map(([label, value]) => (
          <div key={label} className="rounded-lg border border-border bg-white p-4">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-bold">{n.format(value)}</dd>
          </div>
        ))}
      </dl>
      {imp.rejected > 0 && (
        <>
          <p className="mb-4"><a href={`/admin/remboursements/${imp.id}/rejets`} download>Télécharger le rapport des rejets (CSV : ligne, colonne, motif)</a></p>
          <Table caption="Premiers rejets" rows={imp.sample} rowKey={(r, i) => `${r.line_no}-${i}`}
            columns={[
              { key: 'line', header: 'Ligne', rowHeader: true, cell: (r) => r.line_no },
              { key: 'column', header: 'Colonne', cell: (r) => r.column_name },
              { key: 'reason', header: 'Motif', cell: (r) => r.reason },
            ]} />
        </>
      )}
    </>
  );
}
