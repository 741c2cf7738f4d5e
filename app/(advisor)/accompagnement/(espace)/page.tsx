import type { Metadata } from 'next';
import { Alert, ButtonLink, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { findSite } from '@/lib/france-services/sites';
import { closeExpiredVisit } from '@/lib/france-services/visits/guard';
import { startVisitAction } from './actions';
import { StartVisitForm } from './StartVisitForm';

export const metadata: Metadata = { title: 'Espace conseiller' };

type Search = { fin?: string };

/** FS-1, FS-2: the advisor's home: the visit in progress, or starting one from the person's carte Vitale. */
export default async function AdvisorHome({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('advisor');
  const search = await searchParams;
  const db = getDb();
  const site = await findSite(db, actor.siteId);
  const expired = await closeExpiredVisit(db, actor, clock.now());
  const open = await db.selectFrom('assisted_visits').select('id').where('advisor_id', '=', actor.staffId).where('ended_at', 'is', null).executeTakeFirst();
  return (
    <>
      <PageTitle title={`Bonjour ${actor.name}`} lead={site ? `${site.name} (${site.commune})` : undefined} />
      <p className="mb-6 max-w-3xl">
        Vous accompagnez les personnes reçues en France Services, toujours en leur présence. Vous n’avez jamais accès au
        contenu médical de leur profil.
      </p>
      {(expired || search.fin === 'expiree') && (
        <Alert variant="warning" title="L’accompagnement a pris fin">
          Un accompagnement dure 60 minutes au plus. Pour continuer, commencez un nouvel accompagnement avec la carte Vitale de la personne.
        </Alert>
      )}
      {open ? (
        <section aria-labelledby="en-cours" className="max-w-3xl">
          <h2 id="en-cours" className="mb-4 text-2xl font-bold">Un accompagnement est en cours</h2>
          <ButtonLink href="/accompagnement/visite">Reprendre l’accompagnement en cours</ButtonLink>
        </section>
      ) : (
        <section aria-labelledby="commencer" className="max-w-3xl">
          <h2 id="commencer" className="mb-2 text-2xl font-bold">Commencer un accompagnement</h2>
          <p className="mb-6">
            Saisissez les informations de la carte Vitale que la personne vous présente. L’accompagnement couvre son profil et ceux des
            enfants qu’elle représente ; il dure 60 minutes au plus.
          </p>
          <StartVisitForm action={startVisitAction} />
        </section>
      )}
    </>
  );
}
