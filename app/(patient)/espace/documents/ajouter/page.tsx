import type { Metadata } from 'next';
import Link from 'next/link';
import { Button, ErrorSummary, Field, PageTitle, Select } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { CATEGORIES, PICKABLE_CATEGORIES } from '@/lib/documents/categories';
import { ACCEPT_ATTRIBUTE } from '@/lib/documents/file-rules';
import { withProfile } from '../../selected-profile';

export const metadata: Metadata = { title: 'Ajouter un document de santé' };

type Search = { profil?: string; erreur?: string; champ?: string; titre?: string; categorie?: string; date?: string };

/**
 * DOC-2: the upload form. A plain multipart post to ./envoi (read while streaming, type sniffed from
 * the content); an error comes back here with its message tied to its field and the typed values.
 */
export default async function AddDocumentPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireAudience('patient');
  const search = await searchParams;
  const field = search.erreur ? (search.champ || 'fichier') : undefined;
  const errorOf = (name: string) => (field === name ? search.erreur : undefined);
  return (
    <>
      <PageTitle title="Ajouter un document de santé"
        lead="Formats acceptés : PDF, TXT, RTF, JPEG, PNG, TIFF, 5 Mo au plus. Plusieurs photos choisies ensemble sont réunies en un seul document PDF." />
      <form method="post" action="/espace/documents/ajouter/envoi" encType="multipart/form-data" noValidate
        className="max-w-2xl rounded-lg border border-border bg-white p-6">
        {field && <ErrorSummary autoFocus errors={[{ field, message: search.erreur! }]} />}
        {search.profil && <input type="hidden" name="profil" value={search.profil} />}
        <div className="mb-6">
          <label htmlFor="fichier" className="block font-semibold">Fichier ou photos <span className="font-normal text-muted">(obligatoire)</span></label>
          <p id="fichier-hint" className="mt-1 text-sm text-muted">Un fichier, ou jusqu’à 10 photos d’un même document (par exemple les pages d’une ordonnance).</p>
          {errorOf('fichier') && <p id="fichier-error" className="mt-1 font-semibold text-error-700">{errorOf('fichier')}</p>}
          <input id="fichier" name="fichier" type="file" multiple accept={ACCEPT_ATTRIBUTE} required
            aria-describedby={`fichier-hint${errorOf('fichier') ? ' fichier-error' : ''}`} aria-invalid={Boolean(errorOf('fichier'))}
            className="mt-3 block w-full rounded-md border border-border-strong bg-white p-2" />
        </div>
        <Field label="Titre" name="titre" required maxLength={200} defaultValue={search.titre ?? ''} error={errorOf('titre')}
          hint="Par exemple : Ordonnance du Dr Martin, Prise de sang de mars." />
        <Select label="Catégorie" name="categorie" required defaultValue={search.categorie ?? ''} placeholder="Choisissez une catégorie"
          error={errorOf('categorie')} options={PICKABLE_CATEGORIES.map((c) => ({ value: c, label: CATEGORIES[c].label }))} />
        <Field label="Date du document" name="date" type="date" defaultValue={search.date ?? ''} error={errorOf('date')}
          hint="Facultatif : la date de la consultation, de l’examen ou de l’ordonnance." />
        <div className="flex flex-wrap items-center gap-6">
          <Button type="submit">Ajouter le document</Button>
          <Link href={withProfile('/espace/documents', search.profil)}>Annuler</Link>
        </div>
      </form>
    </>
  );
}
