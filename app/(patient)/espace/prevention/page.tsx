import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PreventionMessage } from '@/components/prevention-campaigns/PreventionMessage';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { markPreventionMessagesRead, preventionSection } from '@/lib/prevention-campaigns/messages';
import { selectedProfileId, withProfile } from '../selected-profile';
import { preventionOptOutAction } from './actions';

export const metadata: Metadata = { title: 'Prévention' };

const DONE: Record<string, { variant: 'success' | 'error'; text: string }> = {
  refus: { variant: 'success', text: 'C’est noté : vous ne recevrez plus de messages de prévention. Vous pouvez changer d’avis à tout moment.' },
  accord: { variant: 'success', text: 'C’est noté : vous recevrez de nouveau les messages de prévention.' },
  erreur: { variant: 'error', text: 'Seuls le titulaire du profil et ses représentants légaux peuvent modifier ce choix.' },
};

/** PRV-9: the « Prévention » section (messages, newest first); PRV-8: the opt-out, for the holder or a representative. */
export default async function PreventionPage({ searchParams }: { searchParams: Promise<{ profil?: string; fait?: string }> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = selectedProfileId(actor, search.profil);
  if (!profileId) notFound();
  const db = getDb();
  const section = await preventionSection(db, actor, profileId).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return null;
    throw e;
  });
  if (!section) notFound();
  await markPreventionMessagesRead(db, actor, profileId, clock.now());
  const done = search.fait ? DONE[search.fait] : undefined;
  return (
    <>
      <PageTitle title="Prévention" lead="Les messages de prévention personnalisés de l’Assurance Maladie : dépistages, vaccinations, examens recommandés pour vous." />
      {done && <Alert variant={done.variant} className="mb-6">{done.text}</Alert>}
      <section aria-labelledby="messages-titre" className="mb-10">
        <h2 id="messages-titre" className="mb-4 text-2xl font-bold">Mes messages de prévention</h2>
        {section.messages.length === 0 ? <p>Aucun message de prévention pour le moment.</p> : (
          <ul className="grid gap-6">
            {section.messages.map((m) => <li key={m.id}><PreventionMessage message={m} /></li>)}
          </ul>
        )}
      </section>
      {/* PRV-10: the self-questionnaire of Mon bilan prévention lives with the profil médical. */}
      <section aria-labelledby="bilan-titre" className="mb-10 max-w-2xl">
        <h2 id="bilan-titre" className="mb-2 text-2xl font-bold">Mon bilan prévention</h2>
        <p className="mb-2">Entre 18 et 25 ans, 45 et 50 ans, 60 et 65 ans, 70 et 75 ans, un questionnaire vous aide à préparer votre bilan prévention avec un professionnel de santé.</p>
        <p><a href={withProfile('/espace/profil-medical/questionnaires-de-prevention', search.profil)}>Voir mes questionnaires de prévention</a></p>
      </section>
      <section aria-labelledby="choix-titre" className="max-w-2xl rounded-lg border border-border bg-white p-6">
        <h2 id="choix-titre" className="mb-2 text-2xl font-bold">Recevoir les messages de prévention</h2>
        <p className="mb-4">
          {section.optedOut
            ? 'Vous avez refusé les messages de prévention : vous n’en recevez plus.'
            : 'Vous recevez les messages de prévention, au plus un tous les 7 jours.'}
          {' '}Votre agenda garde ses examens et vaccinations à réaliser.
        </p>
        {section.mayChange ? (
          <form action={preventionOptOutAction}>
            <input type="hidden" name="profileId" value={profileId} />
            <input type="hidden" name="profil" value={search.profil ?? ''} />
            <input type="hidden" name="optedOut" value={section.optedOut ? 'non' : 'oui'} />
            <SubmitButton variant={section.optedOut ? 'primary' : 'secondary'}>
              {section.optedOut ? 'Recevoir de nouveau les messages de prévention' : 'Ne plus recevoir de messages de prévention'}
            </SubmitButton>
            <p className="mt-2 text-sm text-muted">Sans avoir à vous justifier ; effet immédiat ; vous pouvez revenir sur ce choix à tout moment.</p>
          </form>
        ) : <p className="text-sm text-muted">Seuls le titulaire du profil et ses représentants légaux peuvent modifier ce choix.</p>}
      </section>
    </>
  );
}
