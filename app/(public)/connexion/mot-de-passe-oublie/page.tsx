import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui';
import { ResetIdentityForm } from './ResetIdentityForm';
import { submitResetIdentity } from './actions';

export const metadata: Metadata = { title: 'Mot de passe oublié – étape 1 sur 3' };

/** ACT-14 step 1 of 3: NIR + Vitale serial + date of birth, then a code to the account's verified email. */
export default function ForgottenPasswordPage() {
  return (
    <>
      <PageTitle title="Mot de passe oublié" lead="Étape 1 sur 3 : munissez-vous de votre carte Vitale. Nous enverrons un code à l’adresse électronique de votre compte." />
      <ResetIdentityForm action={submitResetIdentity} />
      <p className="mt-8">
        Vous avez oublié votre identifiant ? <Link href="/connexion/identifiant-oublie">Recevoir mon identifiant par courriel</Link>
      </p>
      <p className="mt-2"><Link href="/connexion">Retour à la connexion</Link></p>
    </>
  );
}
