import type { Db } from '@/db/client';
import { chooseCredentials, type CredentialsInput } from '@/lib/accounts/choose-credentials';
import { confirmActivation } from '@/lib/accounts/confirm-activation';
import { findEnrolment } from '@/lib/accounts/enrolments';
import { startActivation, type StartActivationInput } from '@/lib/accounts/start-activation';
import { ensureInVisit, type AdvisorInVisit } from './guard';

/**
 * FS-3, ACT-1..9: activation with an advisor's help. The person types their own carte Vitale data, code
 * provisoire, identifiant, password and emailed code on the advisor's screen (password fields, never
 * echoed nor logged: the advisor never sees a password, FS-4). The profile must be covered by the visit;
 * the activation is traced as the advisor's, ASSISTED, with the site (FS-5).
 */
export async function startAssistedActivation(db: Db, actor: AdvisorInVisit, input: StartActivationInput, now: Date): Promise<{ enrolmentId: string }> {
  const started = await startActivation(db, input, now);
  await ensureCovered(db, actor, started.enrolmentId, now);
  return started;
}

async function ensureCovered(db: Db, actor: AdvisorInVisit, enrolmentId: string, now: Date) {
  const enrolment = await findEnrolment(db, enrolmentId, now);
  await ensureInVisit(db, actor, 'profile.activate.assist', enrolment.profile_id, 'profile.activate', now);
  return enrolment;
}

/** ACT-7..9: the identifiant, password and email the person chooses; a code goes to that email. */
export async function chooseAssistedCredentials(db: Db, actor: AdvisorInVisit, enrolmentId: string, input: CredentialsInput, now: Date) {
  await ensureCovered(db, actor, enrolmentId, now);
  return chooseCredentials(db, enrolmentId, input, now);
}

/** ACT-9, T4: the emailed code, typed by the person; the profile becomes ACTIVE (traced ASSISTED), listed in the summary. */
export async function confirmAssistedActivation(db: Db, actor: AdvisorInVisit, input: { enrolmentId: string; challengeId: string; otp: string }, now: Date): Promise<void> {
  const enrolment = await ensureCovered(db, actor, input.enrolmentId, now);
  await confirmActivation(db, input, now, actor);
  await db.insertInto('assisted_visit_actions').values({ visit_id: actor.visit.id, profile_id: enrolment.profile_id, kind: 'ACTIVATION',
    detail: 'La personne a choisi elle-même son identifiant et son mot de passe.', reference: null, at: now }).execute();
}
