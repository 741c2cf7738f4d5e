import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';

/** What a professional reads when the policy refuses (the refusal is already traced). */
export function Refusal({ reason, profileId }: { reason: string; profileId?: string }) {
  return (
    <>
      <PageTitle title="Accès refusé" />
      <Alert variant="error" title="Vous ne pouvez pas accéder à ce profil">{reason}</Alert>
      <p className="mt-6 flex flex-wrap gap-4">
        <Link className="underline" href="/pro/patients/recherche">Rechercher un patient par son INS</Link>
        {profileId && <Link className="underline" href={`/pro/patients/${profileId}/urgence`}>Accès en urgence</Link>}
      </p>
    </>
  );
}
