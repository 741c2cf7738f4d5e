import type { Metadata } from 'next';
import { PasswordLoginForm } from '@/components/auth/PasswordLoginForm';
import { PageTitle } from '@/components/ui';
import { startStaffLogin } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Connexion au back-office' };

export default function StaffLoginPage() {
  return (
    <>
      <PageTitle title="Connexion au back-office" lead="Réservé aux agents de l’Assurance Maladie. Un code vous sera envoyé par courriel." />
      <PasswordLoginForm action={startStaffLogin} identifiantHint="Votre identifiant d’agent, par exemple prenom.nom." />
    </>
  );
}
