'use client';
import { Button } from '@/components/ui/Button';
import { ButtonLink } from '@/components/ui/ButtonLink';
import { Field } from '@/components/ui/Field';
import { Select } from '@/components/ui/Select';
import { CATEGORIES, type Category } from '@/lib/documents/categories';

type Props = {
  /** The represented profile shown (`?profil=`), kept by the form. */
  profil?: string;
  values: { q: string; categorie: string; dossier: string; tri: 'date' | 'titre' };
  folders: { value: string; label: string }[];
  /** Shown when a filter is on: the list without filters. */
  clearHref?: string;
};

const categoryOptions = (Object.keys(CATEGORIES) as Category[]).map((c) => ({ value: c, label: CATEGORIES[c].label }));

/**
 * DOC-1: search, filters and sort of the Documents list, a plain GET form (works without JavaScript).
 * A client component for the same reason as DocumentsTable: props travel as data, not as markup.
 */
export function DocumentFilters({ profil, values, folders, clearHref }: Props) {
  return (
    <form method="get" action="/espace/documents" role="search" aria-label="Rechercher et filtrer les documents"
      className="mb-8 grid gap-x-6 rounded-lg border border-border bg-white p-6 md:grid-cols-2">
      {profil && <input type="hidden" name="profil" value={profil} />}
      <Field label="Rechercher dans les titres" name="q" defaultValue={values.q} type="search" />
      <Select label="Catégorie" name="categorie" defaultValue={values.categorie} placeholder="Toutes les catégories" options={categoryOptions} />
      <Select label="Dossier" name="dossier" defaultValue={values.dossier} placeholder="Tous les dossiers" options={folders} />
      <Select label="Trier par" name="tri" defaultValue={values.tri}
        options={[{ value: 'date', label: 'Date d’ajout, du plus récent au plus ancien' }, { value: 'titre', label: 'Titre, de A à Z' }]} />
      <div className="flex flex-wrap gap-4 md:col-span-2">
        <Button type="submit">Appliquer</Button>
        {clearHref && <ButtonLink href={clearHref} variant="secondary">Effacer les filtres</ButtonLink>}
      </div>
    </form>
  );
}
