import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { CredentialsStepForm } from '@/components/activation/CredentialsStepForm';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { findEnrolment } from '@/lib/accounts/enrolments';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { readStepCookie } from '@/app/_auth/challenge-cookie';
import { advisorInVisitOrRedirect } from '../../visit-guard';
import { assistedCredentialsAction } from '../actions';
import { ASSISTED_ENROLMENT } from '../steps';

export const metadata: Metadata = { title: 'Aider à activer un profil – étape 2 sur 3' };

/** ACT-7..9: the person chooses their identifiant and password (password fields) and their email. */
export default async function AssistedCredentialsPage() {
  const now = clock.now();
  await advisorInVisitOrRedirect(now);
  const enrolmentId = await readStepCookie(ASSISTED_ENROLMENT);
  const enrolment = enrolmentId
    ? await findEnrolment(getDb(), enrolmentId, now).catch((e) => { if (e instanceof DomainError) return null; throw e; })
    : null;
  if (!enrolment) redirect('/accompagnement/visite/activation');
  return (
    <>
      <PageTitle title="Choisir les identifiants" lead={`Étape 2 sur 3 : ${enrolment.first_names.split(' ')[0]} choisit son identifiant et son mot de passe, et les saisit elle-même.`} />
      <div className="max-w-3xl"><CredentialsStepForm action={assistedCredentialsAction} email={enrolment.email ?? enrolment.profile_email ?? ''} /></div>
    </>
  );
}
