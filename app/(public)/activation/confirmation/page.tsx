import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OtpForm } from '@/components/auth/OtpForm';
import { ActivationSteps } from '@/components/activation/ActivationSteps';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { maskedChallengeEmail } from '@/lib/auth/challenge-email';
import { readStepCookie } from '@/app/_auth/challenge-cookie';
import { resendEmailCode, submitEmailCode } from '../actions';

export const metadata: Metadata = { title: 'Activer mon profil – étape 3 sur 3' };

export default async function ConfirmationPage() {
  const challengeId = await readStepCookie('mes_activation_otp');
  const email = challengeId ? await maskedChallengeEmail(getDb(), challengeId) : null;
  if (!email) redirect('/activation');
  return (
    <>
      <PageTitle title="Confirmer mon adresse électronique" />
      <ActivationSteps current={3} />
      <OtpForm action={submitEmailCode} resendAction={resendEmailCode} email={email} submitLabel="Activer mon profil" />
    </>
  );
}
