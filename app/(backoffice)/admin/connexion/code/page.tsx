import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { OtpForm } from '@/components/auth/OtpForm';
import { PageTitle } from '@/components/ui';
import { completeStaffLogin, pendingLoginEmail, resendStaffOtp } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Code de connexion au back-office' };

export default async function StaffLoginCodePage() {
  const email = await pendingLoginEmail('backoffice');
  if (!email) redirect('/admin/connexion');
  return (
    <>
      <PageTitle title="Saisir le code de connexion" />
      <OtpForm action={completeStaffLogin} resendAction={resendStaffOtp} email={email} submitLabel="Me connecter" />
    </>
  );
}
