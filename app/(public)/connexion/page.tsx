import type { Metadata } from 'next';
import Link from 'next/link';
import { PasswordLoginForm } from '@/components/auth/PasswordLoginForm';
import { Alert, PageTitle } from '@/components/ui';
import { startPatientLogin } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Me connecter' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ active?: string; 'mot-de-passe'?: string }> }) {
  const { active, 'mot-de-passe': passwordReset } = await searchParams;
  return (
    <>
      <PageTitle title="Me connecter à Mon espace santé" lead="Saisissez votre identifiant et votre mot de passe. Nous vous enverrons ensuite un code par courriel." />
      {active === '1' && (
        <Alert variant="success" title="Votre profil est activé">
          Vous pouvez maintenant vous connecter avec l’identifiant et le mot de passe que vous venez de choisir.
        </Alert>
      )}
      {passwordReset === '1' && (
        <Alert variant="success" title="Votre nouveau mot de passe est enregistré">
          Connectez-vous avec votre identifiant et ce nouveau mot de passe. Vos connexions ouvertes auparavant ont été fermées.
        </Alert>
      )}
      <PasswordLoginForm action={startPatientLogin} />
      <p className="mt-4">
        <Link href="/connexion/mot-de-passe-oublie">Mot de passe oublié ?</Link>
        <span aria-hidden="true"> · </span>
        <Link href="/connexion/identifiant-oublie">Identifiant oublié ?</Link>
      </p>
      <p className="mt-8">
        Première visite ? <Link href="/activation">Activer mon profil avec mon code provisoire</Link>
      </p>
    </>
  );
}
