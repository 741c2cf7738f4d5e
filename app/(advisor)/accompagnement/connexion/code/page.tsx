import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OtpForm } from '@/components/auth/OtpForm';
import { PageTitle } from '@/components/ui';
import { completeAdvisorLogin, pendingLoginEmail, resendAdvisorOtp } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Code de connexion' };

export default async function AdvisorLoginCodePage() {
  const email = await pendingLoginEmail('advisor');
  if (!email) redirect('/accompagnement/connexion');
  return (
    <>
      <PageTitle title="Saisir le code de connexion" />
      <OtpForm action={completeAdvisorLogin} resendAction={resendAdvisorOtp} email={email} submitLabel="Me connecter" />
    </>
  );
}
