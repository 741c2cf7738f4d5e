import type { Metadata } from 'next';
import { PasswordLoginForm } from '@/components/auth/PasswordLoginForm';
import { PageTitle } from '@/components/ui';
import { startAdvisorLogin } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Connexion des conseillers France Services' };

export default function AdvisorLoginPage() {
  return (
    <>
      <PageTitle title="Connexion des conseillers France Services" lead="Un code vous sera envoyé par courriel." />
      <PasswordLoginForm action={startAdvisorLogin} />
    </>
  );
}
