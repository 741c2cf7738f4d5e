import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CredentialsStepForm } from '@/components/activation/CredentialsStepForm';
import { ActivationSteps } from '@/components/activation/ActivationSteps';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { findEnrolment } from '@/lib/accounts/enrolments';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { readStepCookie } from '@/app/_auth/challenge-cookie';
import { submitCredentials } from '../actions';

export const metadata: Metadata = { title: 'Activer mon profil – étape 2 sur 3' };

export default async function CredentialsPage() {
  const enrolmentId = await readStepCookie('mes_activation');
  const enrolment = enrolmentId
    ? await findEnrolment(getDb(), enrolmentId, clock.now()).catch((e) => { if (e instanceof DomainError) return null; throw e; })
    : null;
  if (!enrolment) redirect('/activation');
  return (
    <>
      <PageTitle title="Choisir mes identifiants" lead={`Bonjour ${enrolment.first_names.split(' ')[0]}, votre identité est vérifiée.`} />
      <ActivationSteps current={2} />
      <CredentialsStepForm action={submitCredentials} email={enrolment.email ?? enrolment.profile_email ?? ''} />
    </>
  );
}
