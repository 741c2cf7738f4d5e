import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { EMERGENCY_REASONS, MIN_JUSTIFICATION } from '@/lib/professional-access/rules';
import { startEmergencyAction } from './actions';
import { EmergencyForm } from './EmergencyForm';

export const metadata: Metadata = { title: 'Accès en urgence' };

const REASONS = Object.entries(EMERGENCY_REASONS).map(([value, label]) => ({ value, label }));

/**
 * EMG-2, EMG-3: a professional starts a bris de glace (or, in a SAMU regulation centre, a regulation
 * access). Nothing about the patient is shown before the access is granted.
 */
export default async function EmergencyAccessPage({ params }: { params: Promise<{ profileId: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  return (
    <>
      <PageTitle title="Accès en urgence"
        lead="À utiliser seulement si le patient ne peut pas exprimer sa volonté et court un risque immédiat, ou dans le cadre de la régulation du SAMU." />
      <Alert variant="warning" title="Le patient est prévenu immédiatement" className="mb-6 max-w-2xl">
        <p>Le patient et, pour un mineur, chacun de ses représentants légaux reçoivent tout de suite un courriel avec votre nom, votre profession, la date et l’heure, le mode d’accès et votre justification. Son médecin traitant en est informé par messagerie sécurisée.</p>
        <p>L’accès permet seulement de consulter le profil, pendant 2 heures. Il est refusé si le patient vous a bloqué ou s’il a désactivé ce type d’accès.</p>
      </Alert>
      <EmergencyForm action={startEmergencyAction.bind(null, profileId)} regulation={Boolean(actor.regulationCentre)} reasons={REASONS}
        minLength={MIN_JUSTIFICATION} />
      <p className="mt-6"><Link href="/pro">Retour à l’accueil</Link></p>
    </>
  );
}
