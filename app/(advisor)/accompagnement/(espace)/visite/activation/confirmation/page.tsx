import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { maskedChallengeEmail } from '@/lib/auth/challenge-email';
import { readStepCookie } from '@/app/_auth/challenge-cookie';
import { advisorInVisitOrRedirect } from '../../visit-guard';
import { assistedOtpAction } from '../actions';
import { ASSISTED_CHALLENGE } from '../steps';
import { AssistedOtpForm } from '../forms';

export const metadata: Metadata = { title: 'Aider à activer un profil – étape 3 sur 3' };

/** ACT-9: the code sent to the person's email, typed by them. */
export default async function AssistedConfirmationPage() {
  await advisorInVisitOrRedirect();
  const challengeId = await readStepCookie(ASSISTED_CHALLENGE);
  const email = challengeId ? await maskedChallengeEmail(getDb(), challengeId) : null;
  if (!email) redirect('/accompagnement/visite/activation');
  return (
    <>
      <PageTitle title="Confirmer l’adresse électronique" lead="Étape 3 sur 3 : la personne saisit le code qu’elle vient de recevoir." />
      <div className="max-w-3xl"><AssistedOtpForm action={assistedOtpAction} email={email} /></div>
    </>
  );
}
