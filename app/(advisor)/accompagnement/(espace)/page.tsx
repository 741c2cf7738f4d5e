import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { findSite } from '@/lib/france-services/sites';

export const metadata: Metadata = { title: 'Espace conseiller' };

export default async function AdvisorHome() {
  const actor = await requireAudience('advisor');
  const site = await findSite(getDb(), actor.siteId);
  return (
    <>
      <PageTitle title={`Bonjour ${actor.name}`} lead={site ? `${site.name} (${site.commune})` : undefined} />
      <p>
        Vous accompagnez les personnes reçues en France Services, toujours en leur présence. Vous n’avez jamais accès au
        contenu médical de leur profil.
      </p>
      <p className="mt-4">Les démarches accompagnées arrivent dans une prochaine version.</p>
    </>
  );
}
