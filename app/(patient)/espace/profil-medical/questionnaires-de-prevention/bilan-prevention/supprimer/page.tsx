import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { medicalHref } from '@/components/medical-profile/links';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { entriesLinkedToDocument } from '@/lib/medical-profile/linked-entries';
import { readQuestionnaire } from '@/lib/prevention-questionnaire/read-questionnaire';
import { loadMedicalProfile } from '../../../load';
import { deleteQuestionnaireAction } from '../../actions';

export const metadata: Metadata = { title: 'Supprimer mes réponses à Mon bilan prévention' };

/** PRV-10, DOC-8: confirms the deletion of the answers, naming what goes with them. */
export default async function DeleteQuestionnairePage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  const { profile } = await loadMedicalProfile(actor, profil);
  const db = getDb();
  const view = await readQuestionnaire(db, actor, profile.id, clock.now());
  if (!view.mayWrite || !view.current) notFound();
  const linked = await entriesLinkedToDocument(db, view.current.documentId);
  const back = medicalHref(profile.id, profile.own, 'questionnaires-de-prevention');
  return (
    <>
      <p className="mb-4"><Link href={back}>← Questionnaires de prévention</Link></p>
      <PageTitle title="Supprimer mes réponses à Mon bilan prévention" />
      <div className="max-w-3xl rounded-lg border border-border bg-white p-6">
        <p className="mb-2">Le document « {view.current.title} » et ses versions précédentes seront supprimés, ainsi que :</p>
        <ul className="mb-4 list-disc pl-6">
          {linked.map((e) => <li key={e.id}>{e.section} : {e.line}</li>)}
          <li>le poids et la taille enregistrés avec ce questionnaire, s’il y en a.</li>
        </ul>
        <p className="mb-6">Les informations que vous aviez saisies vous-même dans votre profil médical avant le questionnaire sont conservées.</p>
        <form action={deleteQuestionnaireAction} className="flex flex-wrap items-center gap-6">
          <input type="hidden" name="profileId" value={profile.id} />
          <input type="hidden" name="documentId" value={view.current.documentId} />
          <SubmitButton variant="danger">Supprimer mes réponses</SubmitButton>
          <Link href={back} className="inline-flex min-h-11 items-center font-semibold">Annuler</Link>
        </form>
      </div>
    </>
  );
}
