import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui';
import { medicalHref } from '@/components/medical-profile/links';
import { SectionDocuments } from '@/components/medical-profile/SectionDocuments';
import { requireAudience } from '@/lib/auth/session';
import { withProfile } from '../../selected-profile';
import { loadMedicalProfile, whose } from '../load';

export const metadata: Metadata = { title: 'Questionnaires de prévention' };

/** PRF-1: the prevention questionnaires filled in (QUEST_SANTE documents); the questionnaires themselves come with PRV. */
export default async function QuestionnairesPage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  const { profile, questionnaires } = await loadMedicalProfile(actor, profil);
  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, 'Questionnaires de prévention')}
        lead="Les questionnaires de prévention que vous remplissez dans Mon espace santé sont rangés ici." />
      <SectionDocuments caption="Questionnaires remplis" documents={questionnaires} empty="Aucun questionnaire rempli pour le moment."
        href={(id) => withProfile(`/espace/documents/${id}`, profile.own ? undefined : profile.id)} />
    </>
  );
}
