import type { Metadata } from 'next';
import { IdentifyForm } from '@/components/opposition/IdentifyForm';
import { Alert, PageTitle } from '@/components/ui';
import { identifyForOpposition } from './actions';

export const metadata: Metadata = { title: 'M’opposer à Mon espace santé' };

/** OPP-2, OPP-3: the web channel of opposition, open during the 6 weeks after the notice. */
export default function OppositionPage() {
  return (
    <>
      <PageTitle title="M’opposer à Mon espace santé"
        lead="Vous avez reçu un avis de création et ne souhaitez pas de profil Mon espace santé, pour vous ou pour votre enfant ? Vous pouvez vous y opposer pendant 6 semaines après l’envoi de l’avis." />
      <Alert variant="info" title="Munissez-vous de votre carte Vitale">
        Le code provisoire n’est pas nécessaire. Vous pouvez aussi vous opposer par téléphone au 3422 (du lundi au vendredi, de 8 h 30 à 17 h 30) ou par courrier à votre caisse.
      </Alert>
      <div className="mt-8"><IdentifyForm action={identifyForOpposition} /></div>
    </>
  );
}
