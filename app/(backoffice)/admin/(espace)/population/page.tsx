import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, PageTitle, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { IMPORT_STATUS } from '@/components/backoffice/import-status';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listImports } from '@/lib/population/imports-read';
import { COLUMNS } from '@/lib/population/row-rules';

export const metadata: Metadata = { title: 'Population assurée' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' });
const n = new Intl.NumberFormat('fr-FR');

/** BO-1: upload the insured population (CSV) and follow each import. */
export default async function PopulationPage({ searchParams }: { searchParams: Promise<{ erreur?: string }> }) {
  const actor = await requireAudience('staff');
  const { erreur } = await searchParams;
  const imports = await listImports(getDb(), actor, clock.now());
  return (
    <>
      <PageTitle title="Population assurée" lead="Importer le fichier des assurés d’un ou plusieurs départements. Réimporter le même fichier ne change rien ; une ligne modifiée met à jour la personne." />
      <form method="post" action="/api/admin/population-imports" encType="multipart/form-data" className="mb-10 max-w-2xl rounded-lg border border-border bg-white p-6">
        {erreur && <Alert variant="error" title="Import impossible">{erreur}</Alert>}
        <label htmlFor="fichier" className="block font-semibold">Fichier CSV <span className="font-normal text-muted">(obligatoire)</span></label>
        <p id="fichier-hint" className="mt-1 text-sm text-muted">
          Séparateur point-virgule, encodage UTF-8, une ligne d’en-tête. Colonnes : {COLUMNS.join(', ')}.{' '}
          <a href="/exemples/population-exemple.csv" download>Télécharger le fichier d’exemple</a>.
        </p>
        <input id="fichier" name="fichier" type="file" accept=".csv,text/csv" required aria-describedby="fichier-hint"
          className="mt-3 block w-full rounded-md border border-border-strong bg-white p-2" />
        <button type="submit" className="mt-4 inline-flex min-h-11 items-center rounded-md bg-primary-700 px-5 py-2 font-semibold text-white hover:bg-primary-800">
          Importer le fichier
        </button>
      </form>
      <Table caption="Imports récents" rows={imports} rowKey={(r) => r.id} empty="Aucun import pour le moment."
        columns={[
          { key: 'file', header: 'Fichier', rowHeader: true, cell: (r) => <Link href={`/admin/population/${r.id}`}>{r.filename}</Link> },
          { key: 'date', header: 'Déposé le', cell: (r) => when.format(r.created_at) },
          { key: 'status', header: 'État', cell: (r) => <Badge variant={IMPORT_STATUS[r.status].variant}>{IMPORT_STATUS[r.status].label}</Badge> },
          { key: 'lines', header: 'Lignes lues', align: 'right', cell: (r) => n.format(r.lines_read) },
          { key: 'accepted', header: 'Acceptées', align: 'right', cell: (r) => n.format(r.accepted) },
          { key: 'rejected', header: 'Rejetées', align: 'right', cell: (r) => n.format(r.rejected) },
        ]} />
    </>
  );
}
