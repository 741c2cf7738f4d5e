import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge } from '@/components/ui';
import { DocumentActions } from '@/components/pro/DocumentActions';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { getDb } from '@/db/client';
import { DOCUMENT_TYPES, matrixCategoryLabel } from '@/lib/access-matrix/professions';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { decideOnDocument, viewPatientDocument } from '@/lib/professional-access/patient-documents';
import { deleteDocumentAction, patientVisibilityAction } from '../../patients/actions';

export const metadata: Metadata = { title: 'Document du patient' };
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** One document for a professional: VIS-12 warnings first, metadata, the file, and what the author may do. */
export default async function ProDocumentPage({ params, searchParams }: { params: Promise<{ documentId: string }>; searchParams: Promise<{ depose?: string }> }) {
  const actor = await requireAudience('pro');
  const { documentId } = await params;
  const { depose } = await searchParams;
  const loaded = await loadOrRefuse(() => viewPatientDocument(getDb(), actor, documentId, clock.now(), 'PRO'));
  if (!loaded.ok) return <Refusal reason={loaded.reason} />;
  const { document: d, labels, warnings, replacedBy, access } = loaded.value;
  const may = (action: Parameters<typeof authorize>[1]) => decideOnDocument(actor, action, access, d).allowed;
  const visibility = d.status !== 'ACTIVE' ? null : d.invisible_patient ? (may('document.show-to-patient') ? 'show' : null)
    : (!d.masque_ps && may('document.hide-from-patient') ? 'hide' : null);
  const file = `/pro/documents/${d.id}/fichier`;
  return (
    <>
      <p className="mb-4"><Link className="underline" href={`/pro/patients/${d.profile_id}/documents`}>Retour aux documents de {access.profile.firstNames} {access.profile.birthName}</Link></p>
      {warnings.map((w) => <Alert key={w} variant="warning" title="Attention" className="mb-4">{w}</Alert>)}
      {depose && <Alert variant="success" title="Document déposé" className="mb-4">Le document est dans le profil du patient{d.invisible_patient ? ' (invisible au patient pour le moment)' : ', qui en est informé'}.</Alert>}
      <h1 className="mb-2 text-3xl font-bold">{d.title}</h1>
      {labels.length > 0 && <ul className="mb-4 flex flex-wrap gap-2">{labels.map((l) => <li key={l}><Badge variant="warning">{l}</Badge></li>)}</ul>}
      {replacedBy && <p className="mb-4">Une nouvelle version existe : <Link className="underline" href={`/pro/documents/${replacedBy.id}`}>{replacedBy.title}</Link>.</p>}
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Type</dt><dd>{d.type_code ? `${DOCUMENT_TYPES[d.type_code]?.label ?? ''} (LOINC ${d.type_code})` : '—'}</dd>
        <dt className="font-semibold">Catégorie</dt><dd>{matrixCategoryLabel(d.category)}</dd>
        <dt className="font-semibold">Date du document</dt><dd>{d.document_date ? d.document_date.split('-').reverse().join('/') : '—'}</dd>
        <dt className="font-semibold">Auteur</dt><dd>{d.author_label}</dd>
        <dt className="font-semibold">Ajouté le</dt><dd>{DATE_TIME.format(d.created_at)}</dd>
        <dt className="font-semibold">Identifiant unique</dt><dd className="break-all">{d.unique_id}</dd>
        <dt className="font-semibold">Empreinte SHA-256</dt><dd className="break-all font-mono text-sm">{d.sha256}</dd>
      </dl>
      <p className="flex flex-wrap gap-4">
        {d.mime_type === 'application/pdf' && <a className="underline" href={file} target="_blank" rel="noopener">Ouvrir le PDF (nouvel onglet)</a>}
        <a className="underline" href={`${file}?telecharger=1`}>Télécharger le fichier</a>
        {d.status === 'ACTIVE' && may('document.replace') && access.pro.authorised && (
          <Link className="underline" href={`/pro/patients/${d.profile_id}/deposer?remplace=${d.id}`}>Remplacer par une nouvelle version</Link>
        )}
      </p>
      <DocumentActions documentId={d.id} profileId={d.profile_id} canDelete={may('document.delete')} visibility={visibility}
        deleteAction={deleteDocumentAction} visibilityAction={patientVisibilityAction} />
    </>
  );
}
