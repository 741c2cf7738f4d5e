import type { Metadata } from 'next';
import Link from 'next/link';
import { PageTitle } from '@/components/ui';
import { ForgottenIdentifiantForm } from './ForgottenIdentifiantForm';
import { submitForgottenIdentifiant } from './actions';

export const metadata: Metadata = { title: 'Identifiant oublié' };

/** ACT-14: the identifiant goes to the account's verified email address. */
export default function ForgottenIdentifiantPage() {
  return (
    <>
      <PageTitle title="Identifiant oublié" lead="Saisissez l’adresse électronique de votre compte : nous vous y enverrons votre identifiant." />
      <ForgottenIdentifiantForm action={submitForgottenIdentifiant} />
      <p className="mt-8">
        Vous avez aussi oublié votre mot de passe ? <Link href="/connexion/mot-de-passe-oublie">Choisir un nouveau mot de passe</Link>
      </p>
      <p className="mt-2"><Link href="/connexion">Retour à la connexion</Link></p>
    </>
  );
}
