import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OtpForm } from '@/components/auth/OtpForm';
import { PageTitle } from '@/components/ui';
import { pendingResetEmail, resendResetCode, submitResetCode } from '../actions';

export const metadata: Metadata = { title: 'Mot de passe oublié – étape 2 sur 3' };

/** ACT-14 step 2 of 3: the code sent to the verified email (ACT-11). */
export default async function ForgottenPasswordCodePage() {
  const email = await pendingResetEmail();
  if (!email) redirect('/connexion/mot-de-passe-oublie');
  return (
    <>
      <PageTitle title="Saisir le code reçu" lead="Étape 2 sur 3 : le code confirme que c’est bien vous." />
      <OtpForm action={submitResetCode} resendAction={resendResetCode} email={email} submitLabel="Valider le code" />
    </>
  );
}
