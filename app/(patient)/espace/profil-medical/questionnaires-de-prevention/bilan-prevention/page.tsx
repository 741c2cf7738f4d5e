import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { medicalHref } from '@/components/medical-profile/links';
import { QuestionnaireForm } from '@/components/prevention-questionnaire/QuestionnaireForm';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { OUT_OF_BAND_MESSAGE } from '@/lib/prevention-questionnaire/bands';
import { bandLabel, sectionsFor } from '@/lib/prevention-questionnaire/questions';
import { readQuestionnaire } from '@/lib/prevention-questionnaire/read-questionnaire';
import { loadMedicalProfile } from '../../load';
import { saveQuestionnaireAction } from '../actions';

export const metadata: Metadata = { title: 'Questionnaire Mon bilan prévention' };

const SLUG = 'questionnaires-de-prevention';

/** PRV-4, PRV-10: the « Mon bilan prévention » self-questionnaire of the profile's age band, to fill in or edit. */
export default async function BilanPreventionPage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  const { profile } = await loadMedicalProfile(actor, profil);
  const view = await readQuestionnaire(getDb(), actor, profile.id, clock.now());
  if (!view.mayWrite) notFound();
  const back = medicalHref(profile.id, profile.own, SLUG);
  const defaults = Object.fromEntries(Object.entries(view.current?.answers ?? {})
    .flatMap(([k, v]) => (v === null ? [] : [[k, typeof v === 'number' ? String(v).replace('.', ',') : v]])));
  return (
    <>
      <p className="mb-4"><Link href={back}>← Questionnaires de prévention</Link></p>
      <PageTitle title={view.current ? 'Modifier mes réponses à Mon bilan prévention' : 'Questionnaire Mon bilan prévention'}
        lead={view.band ? `Questionnaire de préparation au bilan prévention des ${bandLabel(view.band)}${profile.own ? '' : `, pour ${profile.firstName}`}. Les questions marquées « obligatoire » demandent une réponse ; les autres sont facultatives.` : undefined} />
      {!view.band ? <Alert variant="info" title="Questionnaire non proposé">{OUT_OF_BAND_MESSAGE}</Alert> : (
        <QuestionnaireForm profileId={profile.id} sections={sectionsFor(view.band)} defaults={defaults} hidden={view.current?.hidden === true && !view.current.hiddenByMaskAll}
          editing={view.current !== undefined} cancelHref={back} action={saveQuestionnaireAction} />
      )}
    </>
  );
}
