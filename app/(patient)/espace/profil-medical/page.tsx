import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonLink, PageTitle } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { formatDay } from '@/components/documents/labels';
import { EntryList } from '@/components/medical-profile/EntryList';
import { medicalHref } from '@/components/medical-profile/links';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { directivesDate } from '@/lib/medical-profile/replace-directives';
import { SECTIONS, type Section } from '@/lib/medical-profile/sections';
import { withProfile } from '../selected-profile';
import { loadMedicalProfile, whose } from './load';

export const metadata: Metadata = { title: 'Profil médical' };

/** PRF-1: every section of the profil médical with what it holds, and the way to each section's page. */
export default async function MedicalProfilePage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  const data = await loadMedicalProfile(actor, profil);
  const { profile } = data;
  const profiles = await switchableProfiles(getDb(), actor);
  const href = (slug?: string) => medicalHref(profile.id, profile.own, slug);
  const documentHref = (id: string) => withProfile(`/espace/documents/${id}`, profile.own ? undefined : profile.id);

  const body = (s: Section) => {
    switch (s.code) {
      case 'MEASURES':
        return <p>Vos mesures (poids, tension, glycémie…) sont suivies dans la rubrique <Link href={withProfile('/espace/mesures', profile.own ? undefined : profile.id)}>Mesures</Link>.</p>;
      case 'DIRECTIVES':
        return <p>{data.directives ? `Directives anticipées déposées le ${directivesDate(data.directives.created_at)}.` : 'Aucune directive anticipée déposée.'}</p>;
      case 'ADMIN_DOCUMENTS':
      case 'QUESTIONNAIRES': {
        const docs = s.code === 'ADMIN_DOCUMENTS' ? data.adminDocuments : data.questionnaires;
        return docs.length === 0 ? <p className="text-muted">Aucun document pour le moment.</p> : (
          <ul className="list-disc space-y-1 pl-6">
            {docs.map((d) => <li key={d.id}><Link href={documentHref(d.id)}>{d.title}</Link> ({formatDay(parisIsoDay(d.created_at))})</li>)}
          </ul>
        );
      }
      default:
        return <EntryList entries={data.entries.filter((e) => (s.kinds as readonly string[]).includes(e.kind))} empty="Aucune information renseignée." />;
    }
  };

  return (
    <>
      <PageTitle title={whose(profile, profile.own ? 'Mon profil médical' : 'Profil médical')}
        lead="Les informations de santé utiles à votre suivi, que vous renseignez vous-même. Les professionnels de santé y accèdent au travers des synthèses médicales que vous générez, sauf pour les vaccinations, l’entourage et les directives anticipées." />
      <ProfileSwitcher profiles={profiles} current={profile.id} action="/espace/profil-medical" />
      <p className="mb-8"><ButtonLink href={href('synthese')}>Créer une synthèse médicale</ButtonLink></p>
      <div className="grid gap-6 lg:grid-cols-2">
        {SECTIONS.map((s) => (
          <section key={s.code} aria-labelledby={`rubrique-${s.slug}`} className="rounded-lg border border-border bg-white p-6">
            <h2 id={`rubrique-${s.slug}`} className="mb-2 text-xl font-bold">
              <Link href={s.code === 'MEASURES' ? withProfile('/espace/mesures', profile.own ? undefined : profile.id) : href(s.slug)}>{s.label}</Link>
            </h2>
            <p className="mb-4 text-muted">{s.lead}</p>
            {body(s)}
          </section>
        ))}
      </div>
    </>
  );
}
