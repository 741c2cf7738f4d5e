import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ActivationRefusedError } from '@/lib/auth/errors';
import { verifyOtp } from '@/lib/auth/otp-challenges';
import { findEnrolment } from './enrolments';
import { TransitionRefusedError, transition } from './lifecycle';

const ENROLMENT = { kind: 'ENROLMENT' } as const;

/**
 * ACT-9 then ACC-2 T4: the emailed code confirms the address; the profile becomes ACTIVE, the account
 * is created, the code provisoire is spent and the others voided, in one transaction with its trace.
 * `tracedAs`: FS-3, FS-5: an activation helped by a France Services advisor is traced as theirs (ASSISTED).
 */
export async function confirmActivation(db: Db, input: { enrolmentId: string; challengeId: string; otp: string }, now: Date, tracedAs: Actor = ENROLMENT): Promise<void> {
  const enrolment = await findEnrolment(db, input.enrolmentId, now);
  const { subjectId } = await verifyOtp(db, { challengeId: input.challengeId, purpose: 'ENROLMENT_EMAIL', otp: input.otp }, now);
  if (subjectId !== enrolment.id || !enrolment.identifiant || !enrolment.password_hash || !enrolment.email) {
    throw new ActivationRefusedError('activation.session-expired', 'Votre activation a expiré : recommencez depuis la première étape.');
  }
  const refused = await db.transaction().execute(async (trx) => {
    const profile = await trx.selectFrom('profiles').select(['id', 'state', 'handed_over_at']).where('id', '=', enrolment.profile_id).forUpdate().executeTakeFirstOrThrow();
    let to;
    try {
      // REP-8: a handed-over profile stays ACTIVE; its holder only gets their account.
      // CLO-6 / CLO-7: a closed profile reopens (T10), a pending deletion is cancelled (T11).
      const event = profile.state === 'CLOSED' ? 'REOPENING' : profile.state === 'DELETION_REQUESTED' ? 'REACTIVATION' : 'ACTIVATION';
      to = profile.state === 'ACTIVE' && profile.handed_over_at ? profile.state : transition(profile.state, event, 'ENROLMENT').to;
    } catch (e) {
      if (!(e instanceof TransitionRefusedError)) throw e;
      return e;
    }
    const code = await trx.updateTable('activation_codes').set({ used_at: now })
      .where('id', '=', enrolment.code_id).where('used_at', 'is', null).where('invalidated_at', 'is', null).where('expires_at', '>', now)
      .returning('id').executeTakeFirst();
    if (!code) return new ActivationRefusedError('activation.code-used', 'Ce code provisoire n’est plus valable. Recommencez l’activation.');
    const taken = await trx.selectFrom('accounts').select('id').where(sql`lower(identifiant)`, '=', enrolment.identifiant!.toLowerCase())
      .where(sql<boolean>`profile_id is distinct from ${profile.id}::uuid`).executeTakeFirst();
    if (taken) return new ActivationRefusedError('activation.identifiant-taken', 'Cet identifiant vient d’être pris : recommencez l’activation.');
    await trx.updateTable('activation_codes').set({ invalidated_at: now })
      .where('profile_id', '=', profile.id).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
    await trx.updateTable('profiles').set({ state: to, previous_state: profile.state, state_changed_at: now, email: enrolment.email,
      closed_at: null, closure_reason: null, deletion_requested_at: null, purge_due_on: null,
      // HIS-4: the 48 hours run from this activation; a re-opening restarts them, a hand-over (REP-8) does not.
      ...(profile.state !== 'ACTIVE' && { activated_at: now }) })
      .where('id', '=', profile.id).execute();
    // A reopened profile (CLO-8) may still have its account: it gets the new credentials.
    const credentials = { identifiant: enrolment.identifiant!, password_hash: enrolment.password_hash!, email: enrolment.email!,
      email_verified_at: now, locked_until: null, password_failures: 0 };
    const kept = await trx.updateTable('accounts').set(credentials).where('profile_id', '=', profile.id).executeTakeFirst();
    if (Number(kept.numUpdatedRows) === 0) {
      await trx.insertInto('accounts').values({ profile_id: profile.id, ...credentials, last_login_at: null }).execute();
    }
    await trx.deleteFrom('enrolments').where('profile_id', '=', profile.id).execute();
    await recordAccess(trx, { actor: tracedAs, action: ['CLOSED', 'DELETION_REQUESTED'].includes(profile.state) ? 'profile.reopen' : 'profile.activate', profileId: profile.id, at: now });
    return undefined;
  });
  if (refused) {
    if (refused instanceof TransitionRefusedError) {
      await recordAccess(db, { actor: tracedAs, action: 'profile.activate', profileId: enrolment.profile_id, at: now, denied: refused.code });
    }
    throw refused;
  }
}
