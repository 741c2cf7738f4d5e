import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { hashCode } from '@/lib/accounts/issue-code';
import { transition } from '@/lib/accounts/lifecycle';
import { recordAccess } from '@/lib/audit/record-access';
import { normalizeCode } from '@/lib/auth/codes';
import { sameHash } from '@/lib/auth/secrets';
import { activationGate, THROTTLE_MESSAGES_FR } from '@/lib/auth/throttle-rules';
import { parisDay } from '@/lib/campaigns/window';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { bornOnOrBeforeForMajority } from './rules';

/**
 * REP-2: the children the fund attaches to this account's holder (same carte Vitale: the import's
 * parent NIR), still minors, whose profile waits for activation by their parent principal.
 */
export async function childrenToActivate(db: Db, actor: PatientActor, now: Date) {
  if (!actor.ownProfileId) return [];
  const adultFrom = bornOnOrBeforeForMajority(parisDay(now));
  const { rows } = await sql<{ id: string; first_names: string; birth_name: string; birth_date: string; state: string }>`
    select p.id, p.first_names, p.birth_name, to_char(p.birth_date, 'YYYY-MM-DD') as birth_date, p.state
    from profiles holder
    join insured_people child on child.parent_nir = holder.nir
    join profiles p on p.nir = child.nir
    where holder.id = ${actor.ownProfileId} and p.state in ('PENDING', 'CREATED') and p.birth_date > ${adultFrom}::date
      and not exists (select 1 from representations r where r.profile_id = p.id and r.revoked_at is null)
    order by p.birth_date`.execute(db);
  return rows.map((r) => ({ ...r, firstName: r.first_names.split(' ')[0] ?? '' }));
}

const WRONG_CODE = 'Ce code provisoire ne correspond pas au profil de cet enfant, ou il n’est plus valable. Vérifiez-le ou demandez un nouveau code au 3422.';

/**
 * REP-2, ACC-2 T4: the parent principal activates a child's profile with the child's code and the
 * certification; they become its representative. Wrong codes count like any activation (ACT-5).
 */
export async function activateChild(db: Db, actor: PatientActor, input: { profileId: string; code: string; certified: boolean }, now: Date): Promise<void> {
  const trace = { actor, action: 'profile.activate', profileId: input.profileId, at: now };
  const child = (await childrenToActivate(db, actor, now)).find((c) => c.id === input.profileId);
  if (!child) {
    await recordAccess(db, { ...trace, denied: 'not-parent-principal' });
    throw new AccessDeniedError('seul le représentant légal auquel l’enfant est rattaché auprès de sa caisse peut activer son profil.');
  }
  if (!input.certified) {
    throw new ValidationError('rep.certify', `Cochez la case pour certifier être le représentant légal de ${child.firstName}.`, 'certified');
  }
  const profile = await db.selectFrom('profiles').select(['activation_streak', 'activation_last_failure_at']).where('id', '=', child.id).executeTakeFirstOrThrow();
  const failures = await db.selectFrom('activation_failures').select('at').where('profile_id', '=', child.id)
    .where('at', '>', new Date(now.getTime() - 24.5 * 3600_000)).execute();
  const gate = activationGate({ consecutiveFailures: profile.activation_streak, lastFailureAt: profile.activation_last_failure_at,
    failuresLast24h: failures.map((f) => f.at) }, now);
  if (!gate.allowed) {
    await recordAccess(db, { ...trace, denied: `activation.${gate.reason}` });
    throw new ValidationError(`activation.${gate.reason}`, gate.reason === 'wait'
      ? THROTTLE_MESSAGES_FR.activationWait(gate.retryAt, now) : THROTTLE_MESSAGES_FR.activationLocked(gate.retryAt, now), 'code');
  }
  const codeHash = hashCode(normalizeCode(input.code));
  const codes = await db.selectFrom('activation_codes').selectAll().where('profile_id', '=', child.id)
    .where('used_at', 'is', null).where('invalidated_at', 'is', null).where('expires_at', '>', now).execute();
  const code = codes.find((c) => sameHash(c.code_hash, codeHash));
  if (!code) {
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('activation_failures').values({ profile_id: child.id, at: now }).execute();
      await trx.updateTable('profiles').set({ activation_streak: sql`activation_streak + 1`, activation_last_failure_at: now }).where('id', '=', child.id).execute();
      await recordAccess(trx, { ...trace, denied: 'activation.mismatch' });
    });
    throw new ValidationError('activation.mismatch', WRONG_CODE, 'code');
  }
  await db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('profiles').select('state').where('id', '=', child.id).forUpdate().executeTakeFirstOrThrow();
    const { to } = transition(locked.state, 'ACTIVATION', 'ENROLMENT');
    await trx.updateTable('profiles').set({ state: to, previous_state: locked.state, state_changed_at: now, activation_streak: 0, activated_at: now }) // HIS-4
      .where('id', '=', child.id).execute();
    await trx.updateTable('activation_codes').set({ used_at: now }).where('id', '=', code.id).execute();
    await trx.updateTable('activation_codes').set({ invalidated_at: now })
      .where('profile_id', '=', child.id).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
    const rep = await trx.insertInto('representations').values({ account_id: actor.accountId, profile_id: child.id, role: 'PARENT_PRINCIPAL',
      granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { ...trace, target: { type: 'representation', id: rep.id } });
  });
}
