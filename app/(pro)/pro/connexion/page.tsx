import type { Metadata } from 'next';
import { LoginShell } from '@/components/auth/LoginShell';
import { PageTitle } from '@/components/ui';
import { SubmitButton } from '@/components/forms/SubmitButton';
import { signInWithProSanteConnect } from '@/app/_auth/login-actions';

export const metadata: Metadata = { title: 'Connexion des professionnels de santé' };

/** PRO: professionals sign in only through Pro Santé Connect (carte CPS or e-CPS). */
export default function ProLoginPage() {
  return (
    <LoginShell audienceLabel="Professionnels de santé" homeHref="/pro">
      <PageTitle title="Espace des professionnels de santé"
        lead="Connectez-vous avec Pro Santé Connect, grâce à votre carte CPS ou à l’application e-CPS." />
      <form action={signInWithProSanteConnect}>
        <SubmitButton>Se connecter avec Pro Santé Connect</SubmitButton>
      </form>
    </LoginShell>
  );
}
