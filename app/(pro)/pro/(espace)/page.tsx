import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Espace professionnel' };

export default async function ProHome() {
  const actor = await requireAudience('pro');
  return (
    <>
      <PageTitle title={`Bonjour ${actor.name}`} lead="Vous êtes connecté avec Pro Santé Connect." />
      <dl className="grid max-w-xl grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">Numéro RPPS</dt><dd>{actor.rpps}</dd>
        <dt className="font-semibold">Profession</dt><dd>{actor.professionLabel}</dd>
      </dl>
      <p className="mt-6">La consultation et l’alimentation des profils des patients arrivent dans une prochaine version.</p>
    </>
  );
}
