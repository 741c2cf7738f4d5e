import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Button, ButtonLink, Field, PageTitle } from '@/components/ui';
import { DocumentFilters } from '@/components/documents/DocumentFilters';
import { DocumentsTable } from '@/components/documents/DocumentsTable';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { dateTimeFr, formatDay } from '@/components/documents/labels';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { categoryLabel } from '@/lib/documents/categories';
import { MAX_BULK_DELETE } from '@/lib/documents/delete-documents';
import { listDocuments, listFolders } from '@/lib/documents/list-documents';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId, withProfile } from '../selected-profile';
import { createFolderAction, deleteDocumentsAction, deleteFolderAction } from './actions';

export const metadata: Metadata = { title: 'Documents' };

type Search = { profil?: string; categorie?: string; dossier?: string; q?: string; tri?: string; apres?: string;
  erreur?: string; champ?: string; supprimes?: string; dossier_cree?: string };

/** DOC-1, DOC-5, DOC-7: the documents of a profile, filters, sort, search, folders and deletion by ten. */
export default async function DocumentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const profil = search.profil;
  const filters = { category: search.categorie || undefined, folderId: search.dossier || undefined, q: search.q, sort: search.tri === 'titre' ? 'title' as const : 'recent' as const, after: search.apres };
  const listed = await listDocuments(db, actor, profileId, filters, clock.now()).catch((e: unknown) => {
    if (e instanceof NotFoundError || e instanceof AccessDeniedError) notFound();
    throw e;
  });
  const [folders, profiles] = await Promise.all([listFolders(db, profileId), switchableProfiles(db, actor)]);
  const whose = profiles.find((p) => p.id === profileId);
  const folderNames = new Map(folders.map((f) => [f.id, f.name]));
  const forChild = profileId !== actor.ownProfileId && whose;
  const filtered = Boolean(filters.category || filters.folderId || filters.q);
  return (
    <>
      <PageTitle title={forChild ? `Documents de ${whose.firstName}` : 'Mes documents'}
        lead="Les documents de santé ajoutés par vos professionnels de santé, par l’Assurance Maladie ou par vous-même." />
      <ProfileSwitcher profiles={profiles} current={profileId} action="/espace/documents" />
      {search.supprimes && <Alert variant="success" title={Number(search.supprimes) > 1 ? `${search.supprimes} documents supprimés` : 'Document supprimé'}>Ils n’apparaissent plus dans vos documents.</Alert>}
      {search.dossier_cree && <Alert variant="success" title="Dossier créé">Vous pouvez y classer vos documents depuis la page de chacun.</Alert>}
      {search.erreur && <Alert variant="error" title="L’action n’a pas abouti" id="erreur-documents">{search.erreur}</Alert>}
      <p className="mb-8"><ButtonLink href={withProfile('/espace/documents/ajouter', profil)}>Ajouter un document de santé</ButtonLink></p>

      <DocumentFilters profil={profil} folders={folders.map((f) => ({ value: f.id, label: f.name }))}
        values={{ q: search.q ?? '', categorie: search.categorie ?? '', dossier: search.dossier ?? '', tri: search.tri === 'titre' ? 'titre' : 'date' }}
        clearHref={filtered ? withProfile('/espace/documents', profil) : undefined} />

      <form action={deleteDocumentsAction}>
        {profil && <input type="hidden" name="profil" value={profil} />}
        <DocumentsTable caption={filtered ? 'Documents correspondant à votre recherche' : 'Tous les documents'}
          empty={filtered ? 'Aucun document ne correspond à votre recherche.' : 'Aucun document pour le moment.'}
          rows={listed.documents.map((d) => ({ id: d.id, title: d.title, href: withProfile(`/espace/documents/${d.id}`, profil),
            pinned: d.pinned, masked: d.masque_ps, category: categoryLabel(d.category),
            date: d.document_date ? formatDay(d.document_date) : dateTimeFr.format(d.created_at), author: d.author_label, folder: folderNames.get(d.folder_id ?? '') ?? '—' }))} />
        {listed.documents.length > 0 && (
          <p className="mb-6">
            <Button type="submit" variant="danger">Supprimer les documents cochés</Button>
            <span className="ml-4 text-muted">{MAX_BULK_DELETE} au plus à la fois. Seuls les documents que vous avez ajoutés peuvent être supprimés.</span>
          </p>
        )}
      </form>
      {listed.next && (
        <p className="mb-10"><ButtonLink variant="secondary" href={withProfile('/espace/documents', profil, {
          ...(search.categorie && { categorie: search.categorie }), ...(search.dossier && { dossier: search.dossier }),
          ...(search.q && { q: search.q }), ...(search.tri && { tri: search.tri }), apres: listed.next })}>Documents suivants</ButtonLink></p>
      )}

      <section aria-labelledby="dossiers" className="mt-10 max-w-2xl">
        <h2 id="dossiers" className="mb-4 text-2xl font-bold">Mes dossiers</h2>
        {folders.length > 0 && (
          <ul className="mb-6 space-y-2">
            {folders.map((f) => (
              <li key={f.id} className="flex flex-wrap items-center gap-4">
                <Link href={withProfile('/espace/documents', profil, { dossier: f.id })}>{f.name}</Link>
                <form action={deleteFolderAction}>
                  {profil && <input type="hidden" name="profil" value={profil} />}
                  <input type="hidden" name="dossier" value={f.id} />
                  <Button type="submit" variant="link" aria-label={`Supprimer le dossier « ${f.name} » (ses documents restent)`}>Supprimer le dossier</Button>
                </form>
              </li>
            ))}
          </ul>
        )}
        <form action={createFolderAction} className="rounded-lg border border-border bg-white p-6">
          {profil && <input type="hidden" name="profil" value={profil} />}
          <Field label="Nom du nouveau dossier" name="nom" maxLength={80}
            error={search.champ === 'nom' ? search.erreur : undefined} />
          <Button type="submit" variant="secondary">Créer le dossier</Button>
        </form>
      </section>
    </>
  );
}
