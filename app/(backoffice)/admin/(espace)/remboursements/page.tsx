import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, PageTitle, Table } from '@/components/ui';
import { IMPORT_STATUS } from '@/components/backoffice/import-status';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { CARE_CATEGORY_CODES } from '@/lib/care-history/categories';
import { CLAIM_COLUMNS } from '@/lib/care-history/claim-rules';
import { listCareHistoryImports } from '@/lib/care-history/imports-read';
import { clock } from '@/lib/clock';

export const metadata: Metadata = { title: 'Remboursements (histoire de santé)' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const n = new Intl.NumberFormat('fr-FR');

/** HIS-1, HIS-3: upload the fund's reimbursement feed (CSV) and follow each import. */
export default async function CareHistoryImportsPage({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const actor = await requireAudience('staff');
  const { erreur } = await searchParams;
  const imports = await listCareHistoryImports(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Remboursements (histoire de santé)"
        lead="Importer les lignes de remboursement qui alimentent « Mon histoire de santé ». Chaque ligne est identifiée : réimporter le même fichier n’ajoute rien. Les soins confidentiels des mineurs ne sont jamais enregistrés." />
      <form method="post" action="/api/admin/care-history-imports" encType="multipart/form-data" className="mb-10 max-w-2xl rounded-lg border border-border bg-white p-6">
        {erreur && <Alert variant="error" title="Import impossible">{erreur}</Alert>}
        <label htmlFor="fichier" className="block font-semibold">Fichier CSV <span className="font-normal text-muted">(obligatoire)</span></label>
        <div id="fichier-hint" className="mt-1 text-sm text-muted">
          <p>
            Séparateur point-virgule, encodage UTF-8, une ligne d’en-tête. Colonnes : {CLAIM_COLUMNS.join(', ')}. Dates au format JJ/MM/AAAA ;
            catégories : {CARE_CATEGORY_CODES.join(', ')} ; acte_confidentiel_mineur : oui ou non. Aucun montant.{' '}
            <a href="/exemples/remboursements-exemple.csv" download>Télécharger le fichier d’exemple</a>.
          </p>
        </div>
        <input id="fichier" name="fichier" type="file" accept=".csv,text/csv" required aria-describedby="fichier-hint"
          className="mt-3 block w-full rounded-md border border-border-strong bg-white p-2" />
        <button type="submit" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-primary-700 px-5 py-2 font-semibold text-white hover:bg-primary-800">
          Importer le fichier
        </button>
      </form>
      <Table caption="Imports récents" rows={imports} rowKey={(r) => r.id} empty="Aucun import pour le moment."
        columns={[
          { key: 'file', header: 'Fichier', rowHeader: true, cell: (r) => <Link href={`/admin/remboursements/${r.id}`}>{r.filename}</Link> },
          { key: 'date', header: 'Déposé le', cell: (r) => when.format(r.created_at) },
          { key: 'status', header: 'État', cell: (r) => <Badge variant={IMPORT_STATUS[r.status].variant}>{IMPORT_STATUS[r.status].label}</Badge> },
          { key: 'lines', header: 'Lignes lues', align: 'right', cell: (r) => n.format(r.lines_read) },
          { key: 'inserted', header: 'Soins ajoutés', align: 'right', cell: (r) => n.format(r.inserted) },
          { key: 'rejected', header: 'Rejetées', align: 'right', cell: (r) => n.format(r.rejected) },
        ]} />
    </>
  );
}
