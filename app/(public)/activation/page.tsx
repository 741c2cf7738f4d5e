import type { Metadata } from 'next';
import Link from 'next/link';
import { IdentityStepForm } from '@/components/activation/IdentityStepForm';
import { PageTitle } from '@/components/ui';
import { ActivationSteps } from '@/components/activation/ActivationSteps';
import { submitIdentity } from './actions';

export const metadata: Metadata = { title: 'Activer mon profil – étape 1 sur 3' };

export default function ActivationPage() {
  return (
    <>
      <PageTitle title="Activer mon profil Mon espace santé"
        lead="Munissez-vous de votre carte Vitale et du code provisoire reçu par courriel ou par courrier." />
      <ActivationSteps current={1} />
      <IdentityStepForm action={submitIdentity} />
      <p className="mt-8">Code perdu ou expiré ? <Link href="/activation/nouveau-code">Recevoir un nouveau code provisoire</Link></p>
    </>
  );
}
