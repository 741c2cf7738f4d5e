import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OtpForm } from '@/components/auth/OtpForm';
import { PageTitle } from '@/components/ui';
import { completePatientLogin, pendingLoginEmail, resendPatientOtp } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Code de connexion' };

export default async function LoginCodePage() {
  const email = await pendingLoginEmail('patient');
  if (!email) redirect('/connexion');
  return (
    <>
      <PageTitle title="Saisir le code de connexion" />
      <OtpForm action={completePatientLogin} resendAction={resendPatientOtp} email={email} submitLabel="Me connecter" />
    </>
  );
}
