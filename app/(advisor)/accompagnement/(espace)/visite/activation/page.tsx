import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { assistedIdentityAction } from './actions';
import { AssistedIdentityForm } from './forms';

export const metadata: Metadata = { title: 'Aider à activer un profil – étape 1 sur 3' };

/** FS-3, ACT-1: activation with the advisor's help; the person types everything themselves. */
export default async function AssistedActivationPage() {
  await advisorInVisitOrRedirect();
  return (
    <>
      <PageTitle title="Aider à activer un profil" lead="Étape 1 sur 3 : la carte Vitale et le code provisoire." />
      <p className="mb-6"><Link href="/accompagnement/visite">← Accompagnement en cours</Link></p>
      <Alert variant="info" title="Tournez l’écran vers la personne">
        La personne saisit elle-même son code provisoire, puis son mot de passe et le code reçu par courriel. Ils ne s’affichent pas et vous ne devez pas les connaître.
      </Alert>
      <div className="mt-8 max-w-3xl"><AssistedIdentityForm action={assistedIdentityAction} /></div>
    </>
  );
}
