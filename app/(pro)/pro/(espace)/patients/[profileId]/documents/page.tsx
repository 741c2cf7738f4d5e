import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, Button, Select, Table } from '@/components/ui';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { DOCUMENT_TYPES, matrixCategoryLabel } from '@/lib/access-matrix/professions';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { CATEGORIES } from '@/lib/documents/categories';
import { listPatientDocuments } from '@/lib/professional-access/patient-documents';

export const metadata: Metadata = { title: 'Documents du patient' };
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeZone: 'Europe/Paris' });

type Search = { categorie?: string; type?: string; versions?: string; apres?: string; supprime?: string };

/** VIS-13: what this professional may read, each with its state labels; what it may not is absent. */
export default async function PatientDocumentsPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const s = await searchParams;
  const loaded = await loadOrRefuse(() => listPatientDocuments(getDb(), actor, profileId,
    { category: s.categorie || undefined, typeCode: s.type || undefined, status: s.versions === 'toutes' ? 'all' : 'current', after: s.apres }, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, documents, total, next } = loaded.value;
  const query = (extra: Record<string, string>) => new URLSearchParams({ ...(s.categorie && { categorie: s.categorie }), ...(s.type && { type: s.type }),
    ...(s.versions && { versions: s.versions }), ...extra }).toString();
  return (
    <>
      <PatientHeader access={access} current="documents" />
      {s.supprime && <Alert variant="success" title="C’est fait">Le document a été supprimé. Le patient voit qu’il a été supprimé par son auteur.</Alert>}
      <form method="get" className="mb-6 flex flex-wrap items-end gap-4" aria-label="Filtrer les documents">
        <Select label="Catégorie" name="categorie" defaultValue={s.categorie ?? ''} placeholder="Toutes"
          options={Object.keys(CATEGORIES).map((c) => ({ value: c, label: matrixCategoryLabel(c) }))} className="mb-0" />
        <Select label="Type de document" name="type" defaultValue={s.type ?? ''} placeholder="Tous"
          options={Object.entries(DOCUMENT_TYPES).map(([code, t]) => ({ value: code, label: `${t.label} (${code})` }))} className="mb-0" />
        <Select label="Versions" name="versions" defaultValue={s.versions ?? ''} className="mb-0"
          options={[{ value: '', label: 'Versions en cours' }, { value: 'toutes', label: 'Avec les anciennes versions' }]} />
        <Button type="submit" variant="secondary">Filtrer</Button>
      </form>
      <Table caption={`${total} document${total > 1 ? 's' : ''} consultable${total > 1 ? 's' : ''}`} rowKey={(d) => d.id} rows={documents}
        empty="Aucun document que vous puissiez consulter."
        columns={[
          { key: 'title', header: 'Document', rowHeader: true, cell: (d) => <Link className="underline" href={`/pro/documents/${d.id}`}>{d.title}</Link> },
          { key: 'type', header: 'Type', cell: (d) => (d.type_code ? DOCUMENT_TYPES[d.type_code]?.label ?? d.type_code : matrixCategoryLabel(d.category)) },
          { key: 'date', header: 'Date', cell: (d) => (d.document_date ? d.document_date.split('-').reverse().join('/') : DATE.format(d.created_at)) },
          { key: 'author', header: 'Auteur', cell: (d) => d.author_label },
          { key: 'state', header: 'État', cell: (d) => (d.labels.length ? <ul className="flex flex-wrap gap-1">{d.labels.map((l) => <li key={l}><Badge variant="warning">{l}</Badge></li>)}</ul> : '—') },
        ]} />
      {next && <p className="mt-4"><Link className="underline" href={`/pro/patients/${profileId}/documents?${query({ apres: next })}`}>Documents suivants</Link></p>}
    </>
  );
}
