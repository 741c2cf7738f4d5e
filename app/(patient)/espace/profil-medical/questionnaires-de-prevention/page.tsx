import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { medicalHref } from '@/components/medical-profile/links';
import { SectionDocuments } from '@/components/medical-profile/SectionDocuments';
import { BilanPreventionCard } from '@/components/prevention-questionnaire/BilanPreventionCard';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { readQuestionnaire } from '@/lib/prevention-questionnaire/read-questionnaire';
import { withProfile } from '../../selected-profile';
import { loadMedicalProfile, whose } from '../load';
import { setSharingAction } from './actions';

export const metadata: Metadata = { title: 'Questionnaires de prévention' };

type Search = { profil?: string; enregistre?: string; supprime?: string; partage?: string; erreur?: string };

/**
 * PRF-1, PRV-10: the prevention questionnaires: « Mon bilan prévention » to fill in at the ages of the
 * bilan (PRV-4), edit, share or delete, and the questionnaires filled in (QUEST_SANTE documents).
 */
export default async function QuestionnairesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const sp = await searchParams;
  const { profile, questionnaires } = await loadMedicalProfile(actor, sp.profil);
  const view = await readQuestionnaire(getDb(), actor, profile.id, clock.now());
  const profil = profile.own ? undefined : profile.id;
  return (
    <>
      <p className="mb-4"><Link href={medicalHref(profile.id, profile.own)}>← {profile.own ? 'Mon profil médical' : `Profil médical de ${profile.firstName}`}</Link></p>
      <PageTitle title={whose(profile, 'Questionnaires de prévention')}
        lead="Les questionnaires de prévention que vous remplissez dans Mon espace santé sont rangés ici." />
      {sp.erreur && <Alert variant="error" title="L’opération n’a pas abouti">{sp.erreur}</Alert>}
      {sp.enregistre && <Alert variant="success" title={sp.enregistre === 'modifie' ? 'Vos nouvelles réponses sont enregistrées' : 'Vos réponses sont enregistrées'}>
        Le questionnaire est rangé dans vos documents et vos habitudes de vie sont à jour dans votre profil médical.</Alert>}
      {sp.supprime && <Alert variant="success" title="Vos réponses ont été supprimées">
        Le questionnaire et les informations qu’il avait ajoutées à votre profil médical ont été supprimés.</Alert>}
      {sp.partage && <Alert variant="success" title={sp.partage === 'oui' ? 'Le questionnaire est partagé avec les professionnels de santé'
        : 'Le questionnaire n’est plus partagé avec les professionnels de santé'} />}
      <BilanPreventionCard view={view} profileId={profile.id} sharingAction={setSharingAction}
        fillHref={withProfile('/espace/profil-medical/questionnaires-de-prevention/bilan-prevention', profil)}
        deleteHref={withProfile('/espace/profil-medical/questionnaires-de-prevention/bilan-prevention/supprimer', profil)}
        documentHref={(id) => withProfile(`/espace/documents/${id}`, profil)} />
      <SectionDocuments caption="Questionnaires remplis" documents={questionnaires} empty="Aucun questionnaire rempli pour le moment."
        href={(id) => withProfile(`/espace/documents/${id}`, profil)} />
    </>
  );
}
