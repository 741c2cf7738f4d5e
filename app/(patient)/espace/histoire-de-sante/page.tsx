import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, Badge, Button, ButtonLink, PageTitle, Select, Table } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { formatDay } from '@/components/documents/labels';
import { medicalHref } from '@/components/medical-profile/links';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { CARE_CATEGORIES, CARE_CATEGORY_CODES } from '@/lib/care-history/categories';
import { copyKindOf, copySectionSlug, copyWording, type CopyKind } from '@/lib/care-history/copy-targets';
import { listCareEpisodes } from '@/lib/care-history/list-episodes';
import { clock } from '@/lib/clock';
import { privacyOf } from '@/lib/confidentiality/settings';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { selectedProfileId, withProfile } from '../selected-profile';
import { copyEpisodeAction } from './actions';

export const metadata: Metadata = { title: 'Mon histoire de santé' };

type Search = { profil?: string; categorie?: string; apres?: string; ajoute?: string; erreur?: string };

const isCopyKind = (v: string | undefined): v is CopyKind => v === 'TREATMENT' || v === 'VACCINATION';

/**
 * Mon histoire de santé (HIS-1, HIS-2): the care the Assurance Maladie reimbursed, by year (newest
 * first), filtered by category; for the holder or, with `?profil=`, a represented child (REP-5).
 * HIS-7: each medicine or vaccine has a one-tap button copying it into Traitements or Vaccinations.
 */
export default async function CareHistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const listed = await listCareEpisodes(db, actor, profileId, { category: search.categorie, after: search.apres }, clock.now()).catch((e: unknown) => {
    if (e instanceof NotFoundError || e instanceof AccessDeniedError) notFound(); // another account's profile: like an unknown one (traced)
    throw e;
  });
  const [profiles, privacy] = await Promise.all([switchableProfiles(db, actor), privacyOf(db, profileId)]);
  const { profile, years, category } = listed;
  const profil = search.profil;
  const empty = years.length === 0;
  const copyable = years.some((y) => y.episodes.some((e) => copyKindOf(e.category)));
  const added = isCopyKind(search.ajoute) ? search.ajoute : undefined;
  return (
    <>
      <PageTitle title={profile.own ? 'Mon histoire de santé' : `Histoire de santé de ${profile.firstName}`}
        lead="Les soins remboursés par l’Assurance Maladie : consultations, médicaments, analyses, examens, hospitalisations, vaccins…" />
      <ProfileSwitcher profiles={profiles} current={profileId} action="/espace/histoire-de-sante" />
      {added && (
        <Alert variant="success" title={copyWording(added, profile.own).done}>
          <p><Link href={medicalHref(profile.id, profile.own, copySectionSlug(added))}>{copyWording(added, profile.own).link}</Link></p>
        </Alert>
      )}
      {search.erreur && <Alert variant="error" title="L’ajout n’a pas abouti">{search.erreur}</Alert>}

      <section aria-labelledby="a-propos" className="mb-8 max-w-3xl rounded-lg border border-border bg-white p-6">
        <h2 id="a-propos" className="mb-3 text-xl font-bold">D’où viennent ces informations ?</h2>
        <p className="mb-3">
          Cette page est construite automatiquement à partir des remboursements de l’Assurance Maladie. Personne ne peut la modifier :
          ni vous, ni les professionnels de santé. Les montants remboursés n’y figurent pas. Certains soins confidentiels des mineurs
          n’y apparaissent jamais.
        </p>
        <p className="mb-3">
          Les professionnels de santé que vous autorisez peuvent la consulter à partir de 48 heures après l’activation du profil.
        </p>
        {privacy.maskAll ? (
          <p><Badge variant="warning">Masquée aux professionnels de santé</Badge>{' '}
            Tous les documents et cette rubrique sont masqués : seul le professionnel administrateur la voit, et en cas d’urgence
            seulement si cela a été permis. <Link href={withProfile('/espace/confidentialite', profil)}>Modifier la confidentialité</Link>
          </p>
        ) : (
          <p>Vous pouvez la masquer aux professionnels de santé depuis la page{' '}
            <Link href={withProfile('/espace/confidentialite', profil)}>Confidentialité</Link>.</p>
        )}
      </section>

      <form method="get" action="/espace/histoire-de-sante" role="search" aria-label="Filtrer les soins par catégorie"
        className="mb-8 flex max-w-3xl flex-wrap items-end gap-4 rounded-lg border border-border bg-white p-6">
        {profil && <input type="hidden" name="profil" value={profil} />}
        <Select label="Catégorie" name="categorie" defaultValue={category ?? ''} placeholder="Toutes les catégories" className="mb-0"
          options={CARE_CATEGORY_CODES.map((c) => ({ value: c, label: CARE_CATEGORIES[c] }))} />
        <Button type="submit">Filtrer</Button>
        {category && <ButtonLink href={withProfile('/espace/histoire-de-sante', profil)} variant="secondary">Voir toutes les catégories</ButtonLink>}
      </form>

      {empty && (
        <p className="mb-8 text-lg">
          {category ? `Aucun soin de la catégorie « ${CARE_CATEGORIES[category]} » pour le moment.`
            : 'Aucun soin remboursé pour le moment. Les prochains remboursements apparaîtront ici automatiquement.'}
        </p>
      )}
      {years.map(({ year, episodes }) => (
        <section key={year} aria-labelledby={`annee-${year}`} className="mb-8">
          <h2 id={`annee-${year}`} className="mb-4 text-2xl font-bold">{year}</h2>
          <Table caption={`Soins remboursés en ${year}${category ? ` : ${CARE_CATEGORIES[category]}` : ''}`} captionHidden
            rows={episodes} rowKey={(e) => e.id}
            columns={[
              { key: 'date', header: 'Date', cell: (e) => formatDay(e.careDate) },
              { key: 'label', header: 'Soin', rowHeader: true, cell: (e) => e.label },
              { key: 'category', header: 'Catégorie', cell: (e) => CARE_CATEGORIES[e.category] },
              { key: 'specialty', header: 'Spécialité du prescripteur', cell: (e) => e.prescriberSpecialty ?? 'Non renseignée' },
              ...(copyable ? [{ key: 'copy', header: 'Profil médical', cell: (e: (typeof episodes)[number]) => {
                const kind = copyKindOf(e.category);
                if (!kind) return null;
                const words = copyWording(kind, profile.own);
                if (e.copied) return words.already;
                return (
                  <form action={copyEpisodeAction}>
                    <input type="hidden" name="profileId" value={profile.id} />
                    <input type="hidden" name="episodeId" value={e.id} />
                    {category && <input type="hidden" name="categorie" value={category} />}
                    {search.apres && <input type="hidden" name="apres" value={search.apres} />}
                    <Button type="submit" variant="secondary">{words.button}<span className="sr-only"> : {e.label}</span></Button>
                  </form>
                );
              } }] : []),
            ]} />
        </section>
      ))}
      {listed.next && (
        <p className="mb-10"><ButtonLink variant="secondary" href={withProfile('/espace/histoire-de-sante', profil, {
          ...(category && { categorie: category }), apres: listed.next })}>Soins plus anciens</ButtonLink></p>
      )}
    </>
  );
}
