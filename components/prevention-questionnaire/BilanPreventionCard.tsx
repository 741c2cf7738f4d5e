import Link from 'next/link';
import { ButtonLink } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { formatDay } from '@/components/documents/labels';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { OUT_OF_BAND_MESSAGE } from '@/lib/prevention-questionnaire/bands';
import { bandLabel } from '@/lib/prevention-questionnaire/questions';
import type { QuestionnaireView } from '@/lib/prevention-questionnaire/read-questionnaire';

type Props = {
  view: QuestionnaireView;
  profileId: string;
  fillHref: string;
  deleteHref: string;
  documentHref: (id: string) => string;
  sharingAction: (form: FormData) => Promise<void>;
};

/**
 * PRV-4, PRV-10: « Mon bilan prévention » on the questionnaires page: offered in the age bands; once
 * filled in, its document, whether professionals see it (with the switch), edit and delete.
 */
export function BilanPreventionCard({ view, profileId, fillHref, deleteHref, documentHref, sharingAction }: Props) {
  const { band, current, mayWrite } = view;
  return (
    <section aria-labelledby="bilan-prevention" className="mb-10 max-w-3xl rounded-lg border border-border bg-white p-6">
      <h2 id="bilan-prevention" className="mb-2 text-2xl font-bold">Mon bilan prévention</h2>
      <p className="mb-4">Un rendez-vous de prévention pris en charge à 100 % par l’Assurance Maladie, avec un médecin, une sage-femme,
        un infirmier ou un pharmacien, à 18–25 ans, 45–50 ans, 60–65 ans et 70–75 ans. Préparez-le en remplissant ce questionnaire.</p>
      {!band && <p>{OUT_OF_BAND_MESSAGE}</p>}
      {band && !current && (mayWrite
        ? <ButtonLink href={fillHref}>Remplir le questionnaire ({bandLabel(band)})</ButtonLink>
        : <p>Seul le titulaire du profil ou son représentant légal peut remplir ce questionnaire.</p>)}
      {band && current && (
        <>
          <p className="mb-2">Questionnaire rempli pour la tranche {bandLabel(band)}, mis à jour le {formatDay(parisIsoDay(current.updatedAt))} :{' '}
            <Link href={documentHref(current.documentId)}>{current.title}</Link></p>
          <p className="mb-4 font-semibold">{current.hidden
            ? current.hiddenByMaskAll ? 'Non partagé avec les professionnels de santé : tous vos documents sont masqués.'
              : 'Non partagé avec les professionnels de santé.'
            : 'Partagé avec les professionnels de santé autorisés à accéder à votre profil.'}</p>
          {mayWrite && (
            <div className="flex flex-wrap items-center gap-6">
              <ButtonLink href={fillHref}>Modifier mes réponses</ButtonLink>
              <form action={sharingAction}>
                <input type="hidden" name="profileId" value={profileId} />
                <input type="hidden" name="documentId" value={current.documentId} />
                <input type="hidden" name="masquer" value={current.hidden ? 'non' : 'oui'} />
                <SubmitButton variant="secondary">{current.hidden ? 'Partager avec les professionnels de santé' : 'Ne plus partager avec les professionnels de santé'}</SubmitButton>
              </form>
              <Link href={deleteHref} className="inline-flex min-h-11 items-center font-semibold">Supprimer mes réponses</Link>
            </div>
          )}
        </>
      )}
    </section>
  );
}
