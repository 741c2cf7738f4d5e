import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { currentActor, HOME_PAGE } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Accès refusé' };

const SPACES: Record<string, string> = {
  patient: 'l’espace patient', pro: 'l’espace des professionnels de santé', staff: 'le back-office de l’Assurance Maladie',
  advisor: 'l’espace des conseillers France Services',
};

/** Where the layouts send a signed-in person who opens another audience's space. */
export default async function AccessDeniedPage({ searchParams }: { searchParams: Promise<{ espace?: string }> }) {
  const { espace } = await searchParams;
  const current = await currentActor();
  return (
    <>
      <PageTitle title="Accès refusé" />
      <Alert variant="error" title="Vous n’avez pas accès à cette page">
        Votre compte ne donne pas accès à {SPACES[espace ?? ''] ?? 'cet espace'}.
      </Alert>
      {current && <p className="mt-6"><Link href={HOME_PAGE[current.audience]}>Revenir à mon espace</Link></p>}
    </>
  );
}
