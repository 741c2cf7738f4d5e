import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PageTitle } from '@/components/ui';
import { NewPasswordForm } from '../NewPasswordForm';
import { resetReady, submitNewPassword } from '../actions';

export const metadata: Metadata = { title: 'Mot de passe oublié – étape 3 sur 3' };

/** ACT-14 step 3 of 3: the new password (ACT-8); every connection opened before ends. */
export default async function NewPasswordPage() {
  if (!(await resetReady())) redirect('/connexion/mot-de-passe-oublie');
  return (
    <>
      <PageTitle title="Choisir un nouveau mot de passe"
        lead="Étape 3 sur 3 : vous le saisirez ensuite pour vous connecter, avec le code reçu par courriel. Vos connexions en cours, sur d’autres appareils ou navigateurs, seront fermées." />
      <NewPasswordForm action={submitNewPassword} />
    </>
  );
}
