import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Badge, Button, ButtonLink, Field, PageTitle, Select } from '@/components/ui';
import { DocumentPreview } from '@/components/documents/DocumentPreview';
import { dateTimeFr, formatDay, formatSize } from '@/components/documents/labels';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AUTHOR_LABELS, CATEGORIES, PICKABLE_CATEGORIES, PROTECTED_NOTICE, categoryLabel } from '@/lib/documents/categories';
import { DocumentDeletedError } from '@/lib/documents/document-gate';
import { listFolders } from '@/lib/documents/list-documents';
import { documentDetails } from '@/lib/documents/open-document';
import { NotFoundError } from '@/lib/errors';
import { entriesLinkedToDocument } from '@/lib/medical-profile/linked-entries';
import { countMeasuresFromDocument } from '@/lib/measures/extraction/document-measures';
import { deleteDocumentsAction, editDocumentAction, maskDocumentAction, organizeDocumentAction } from '../actions';
import { withProfile } from '../../selected-profile';

export const metadata: Metadata = { title: 'Document' };

type Search = { profil?: string; ajoute?: string; modifie?: string; classe?: string; confidentialite?: string;
  supprimer?: string; erreur?: string; champ?: string };

/** DOC-3, DOC-5, VIS-2: one document, its preview, and what this account may do with it. */
export default async function DocumentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const profil = search.profil;
  const db = getDb();
  let details;
  try {
    details = await documentDetails(db, actor, id, clock.now());
  } catch (error) {
    if (error instanceof DocumentDeletedError) {
      return (
        <>
          <PageTitle title="Document supprimé" />
          <Alert variant="info" title="Ce document n’est plus disponible">{error.message}</Alert>
          <p><Link href={withProfile('/espace/documents', profil)}>Revenir aux documents</Link></p>
        </>
      );
    }
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { document: doc, profile, replacedBy } = details;
  const target = { profile: profile.target, document: {
    id: doc.id, profileId: doc.profile_id, status: doc.status, authorType: doc.author_type, authorProfessionalId: doc.author_professional_id,
    masquePs: doc.masque_ps, invisiblePatient: doc.invisible_patient, invisibleRepresentatives: doc.invisible_representants_legaux,
  } };
  const may = {
    edit: authorize(actor, 'document.edit', target).allowed,
    delete: authorize(actor, 'document.delete', target).allowed,
    mask: authorize(actor, 'document.mask', target).allowed,
  };
  const folders = await listFolders(db, doc.profile_id);
  // DOC-8: the confirmation names the profil médical entries that go with the document.
  const linkedEntries = search.supprimer && may.delete ? await entriesLinkedToDocument(db, doc.id) : [];
  // MEA-4: and the measures read from it.
  const extractedMeasures = search.supprimer && may.delete ? await countMeasuresFromDocument(db, doc.id) : 0;
  const page = withProfile(`/espace/documents/${doc.id}`, profil);
  const errorOf = (name: string) => (search.champ === name ? search.erreur : undefined);
  const hidden = (
    <>
      <input type="hidden" name="documentId" value={doc.id} />
      {profil && <input type="hidden" name="profil" value={profil} />}
    </>
  );
  return (
    <>
      <p className="mb-4"><Link href={withProfile('/espace/documents', profil)}>← Tous les documents</Link></p>
      <PageTitle title={doc.title} lead={categoryLabel(doc.category)} />
      {search.ajoute && <Alert variant="success" title="Document ajouté">Il est enregistré dans vos documents.</Alert>}
      {search.modifie && <Alert variant="success" title="Document modifié" />}
      {search.classe && <Alert variant="success" title="Classement enregistré" />}
      {search.confidentialite && (
        <Alert variant="success" title={search.confidentialite === 'masque' ? 'Document masqué aux professionnels de santé' : 'Document de nouveau visible des professionnels de santé'} />
      )}
      {search.erreur && !search.champ && <Alert variant="error" title="L’action n’a pas abouti">{search.erreur}</Alert>}
      {doc.status === 'OBSOLETE' && <Alert variant="info" title="Ancienne version">Une version plus récente de ce document a été déposée.</Alert>}
      {replacedBy && <Alert variant="info" title="Nouvelle version"><Link href={withProfile(`/espace/documents/${replacedBy.id}`, profil)}>Voir la version à jour</Link></Alert>}
      {doc.replaces_id && <p className="mb-4"><Link href={withProfile(`/espace/documents/${doc.replaces_id}`, profil)}>Voir la version précédente de ce document</Link></p>}

      <dl className="mb-8 grid max-w-3xl gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Ajouté par</dt><dd>{doc.author_label} <span className="text-muted">({AUTHOR_LABELS[doc.author_type]})</span></dd>
        <dt className="font-semibold">Ajouté le</dt><dd>{dateTimeFr.format(doc.created_at)}</dd>
        {doc.document_date && <><dt className="font-semibold">Date du document</dt><dd>{formatDay(doc.document_date)}</dd></>}
        <dt className="font-semibold">Taille</dt><dd>{formatSize(doc.size_bytes)}</dd>
        <dt className="font-semibold">Confidentialité</dt>
        <dd>{doc.masque_ps ? <Badge variant="warning">Masqué aux professionnels de santé</Badge> : 'Visible des professionnels de santé autorisés'}</dd>
      </dl>

      <DocumentPreview documentId={doc.id} title={doc.title} mime={doc.mime_type} />
      <p className="mb-10"><ButtonLink variant="secondary" href={`/espace/documents/${doc.id}/contenu?telecharger=1`}>Télécharger le document</ButtonLink></p>

      {may.mask && (
        <section aria-labelledby="confidentialite" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
          <h2 id="confidentialite" className="mb-2 text-2xl font-bold">Modifier la confidentialité</h2>
          <p className="mb-4">
            {doc.masque_ps
              ? 'Ce document est masqué : seuls vous, les personnes qui gèrent ce profil avec vous, le professionnel qui l’a déposé et, si vous en avez désigné un, votre professionnel administrateur peuvent le voir.'
              : 'Ce document est visible des professionnels de santé autorisés à accéder à votre profil. Vous pouvez le leur masquer : seuls vous, le professionnel qui l’a déposé et votre professionnel administrateur le verront encore.'}
          </p>
          <form action={maskDocumentAction}>
            {hidden}
            <input type="hidden" name="masque" value={doc.masque_ps ? 'non' : 'oui'} />
            <Button type="submit" variant="secondary">{doc.masque_ps ? 'Rendre visible aux professionnels de santé' : 'Masquer aux professionnels de santé'}</Button>
          </form>
        </section>
      )}

      <section aria-labelledby="classer" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="classer" className="mb-4 text-2xl font-bold">Classer</h2>
        <form action={organizeDocumentAction} className="mb-6">
          {hidden}
          <input type="hidden" name="epingle" value={doc.pinned ? 'non' : 'oui'} />
          <Button type="submit" variant="secondary">{doc.pinned ? 'Retirer l’épingle' : 'Épingler en haut de la liste'}</Button>
        </form>
        {folders.length > 0 ? (
          <form action={organizeDocumentAction} className="flex flex-wrap items-end gap-4">
            {hidden}
            <Select label="Dossier" name="dossier" className="mb-0" defaultValue={doc.folder_id ?? ''}
              options={[{ value: '', label: 'Aucun dossier' }, ...folders.map((f) => ({ value: f.id, label: f.name }))]} />
            <Button type="submit" variant="secondary">Classer dans ce dossier</Button>
          </form>
        ) : (
          <p>Pour classer vos documents, <Link href={withProfile('/espace/documents', profil)}>créez un dossier depuis la liste des documents</Link>.</p>
        )}
      </section>

      {may.edit ? (
        <section aria-labelledby="modifier" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
          <h2 id="modifier" className="mb-4 text-2xl font-bold">Modifier</h2>
          <form action={editDocumentAction}>
            {hidden}
            <Field label="Titre" name="titre" required maxLength={200} defaultValue={doc.title} error={errorOf('titre')} />
            <Select label="Catégorie" name="categorie" required defaultValue={doc.category} error={errorOf('categorie')}
              options={PICKABLE_CATEGORIES.map((c) => ({ value: c, label: CATEGORIES[c].label }))} />
            <Button type="submit">Enregistrer</Button>
          </form>
        </section>
      ) : (
        <Alert variant="info" title="Document protégé">{PROTECTED_NOTICE[doc.author_type] ?? 'Ce document ne peut pas être modifié ou supprimé.'}</Alert>
      )}

      {may.delete && (
        <section aria-labelledby="supprimer" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
          <h2 id="supprimer" className="mb-4 text-2xl font-bold">Supprimer</h2>
          {search.supprimer ? (
            <form action={deleteDocumentsAction}>
              <input type="hidden" name="documents" value={doc.id} />
              <input type="hidden" name="retour" value="document" />
              {profil && <input type="hidden" name="profil" value={profil} />}
              <Alert variant="warning" title="Confirmez la suppression">
                « {doc.title} » disparaîtra de vos documents. Le fichier sera définitivement effacé dans 30 jours.
                {linkedEntries.length > 0 && (
                  <>
                    <span className="mt-2 block">{linkedEntries.length > 1 ? 'Ces informations de votre profil médical, liées à ce document, seront aussi supprimées :' : 'Cette information de votre profil médical, liée à ce document, sera aussi supprimée :'}</span>
                    <ul className="mt-1 list-disc pl-6">
                      {linkedEntries.map((e) => <li key={e.id}>{e.section} : {e.line}</li>)}
                    </ul>
                  </>
                )}
                {extractedMeasures > 0 && (
                  <span className="mt-2 block">{extractedMeasures > 1
                    ? `Les ${extractedMeasures} mesures récupérées automatiquement de ce document seront aussi supprimées de vos mesures.`
                    : 'La mesure récupérée automatiquement de ce document sera aussi supprimée de vos mesures.'}</span>
                )}
              </Alert>
              <div className="flex flex-wrap items-center gap-6">
                <Button type="submit" variant="danger">Confirmer la suppression</Button>
                <Link href={page}>Annuler</Link>
              </div>
            </form>
          ) : (
            <ButtonLink variant="secondary" href={withProfile(page, undefined, { supprimer: '1' })}>Supprimer ce document</ButtonLink>
          )}
        </section>
      )}
    </>
  );
}
