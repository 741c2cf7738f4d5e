import type { Metadata } from 'next';
import { PageTitle } from '@/components/ui';
import { PatientSearch } from '@/components/pro/PatientSearch';
import { requireAudience } from '@/lib/auth/session';
import { CARE_TEAM_GROUNDS } from '@/lib/professional-access/authorise-patient';
import { attestCareTeamAction, checkAccessAction, declareConsentAction } from '../actions';

export const metadata: Metadata = { title: 'Rechercher un patient' };

/** PRO-3, ID-6..8: by INS only; then PRO-4 or PRO-5. */
export default async function SearchPatientPage() {
  await requireAudience('pro');
  return (
    <>
      <PageTitle title="Rechercher un patient" lead="Vérifiez l’accès au profil Mon espace santé d’un patient à partir de son identité INS." />
      <PatientSearch check={checkAccessAction} consent={declareConsentAction} careTeam={attestCareTeamAction} grounds={CARE_TEAM_GROUNDS} />
    </>
  );
}
