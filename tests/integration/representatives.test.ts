import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { startActivation } from '@/lib/accounts/start-activation';
import { unseal } from '@/lib/auth/secrets';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { activateChild, childrenToActivate } from '@/lib/representatives/activate-child';
import { answerInvitation, inviteRepresentative, invitationsReceived, representativesOf } from '@/lib/representatives/invitations';
import { handOverAtMajority } from '@/lib/representatives/majority';
import { createAseProfile, grantRepresentative, revokeRepresentative } from '@/lib/representatives/staff';
import { aNir, aStaffMember, anActivePatient, type ActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';
import { latestEmail } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z');

/** An activated adult, known to the fund (insured_people), as a patient actor. */
async function aParent(): Promise<ActivePatient & { actor: PatientActor }> {
  const p = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: p.nir, vitale_serial: p.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille', birth_date: p.birthDate,
    sex: 2, birth_place: '75056', departement: '75', email: p.email, mobile: null, postal_address: null, parent_nir: null, ase: false, has_dmp: false,
    row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  return { ...p, actor: await actorOf(p) };
}
async function actorOf(p: ActivePatient): Promise<PatientActor> {
  const reps = await db.selectFrom('representations').select('profile_id').where('account_id', '=', p.accountId).where('revoked_at', 'is', null).execute();
  return { kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: reps.map((r) => r.profile_id) };
}

/** A minor attached at the fund to `parentNir`, with a PENDING profile and its code (as a campaign leaves it). */
async function aChildOf(parentNir: string, birthDate = '2016-04-10') {
  const [child] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir, birthDate, firstNames: () => 'Lina' });
  const profile = await db.insertInto('profiles').values({ nir: child!.nir, vitale_serial: child!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
    birth_date: birthDate, sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, profile.id, now);
  return { profileId: profile.id, nir: child!.nir, code };
}

describe('REP-2: the parent principal activates a child’s profile', () => {
  test('REP-2: certification and the child’s code are required; then the child is ACTIVE and represented', async () => {
    const parent = await aParent();
    const child = await aChildOf(parent.nir);
    expect((await childrenToActivate(db, parent.actor, now)).map((c) => c.firstName)).toEqual(['Lina']);
    await expect(activateChild(db, parent.actor, { profileId: child.profileId, code: child.code, certified: false }, now))
      .rejects.toMatchObject({ field: 'certified', message: 'Cochez la case pour certifier être le représentant légal de Lina.' });
    await expect(activateChild(db, parent.actor, { profileId: child.profileId, code: 'ABCD2345', certified: true }, now))
      .rejects.toMatchObject({ code: 'activation.mismatch', field: 'code' });
    await activateChild(db, parent.actor, { profileId: child.profileId, code: child.code.toLowerCase(), certified: true }, now);
    const profile = await db.selectFrom('profiles').select('state').where('id', '=', child.profileId).executeTakeFirstOrThrow();
    expect(profile.state).toBe('ACTIVE');
    expect((await actorOf(parent)).representedProfileIds).toEqual([child.profileId]);
    expect(await childrenToActivate(db, parent.actor, now)).toEqual([]);
  });

  test('REP-5: only a representative sees who manages the child; a stranger is refused and traced', async () => {
    const { childManagement } = await import('@/lib/representatives/invitations');
    const parent = await aParent();
    const stranger = await aParent();
    const child = await aChildOf(parent.nir);
    await activateChild(db, parent.actor, { profileId: child.profileId, code: child.code, certified: true }, now);
    const seen = await childManagement(db, await actorOf(parent), child.profileId, now);
    expect({ firstName: seen.firstName, roles: seen.active.map((r) => r.role) }).toEqual({ firstName: 'Lina', roles: ['PARENT_PRINCIPAL'] });
    await expect(childManagement(db, stranger.actor, child.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const trace = await db.selectFrom('access_events').select(['action', 'outcome']).where('profile_id', '=', child.profileId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'profile.representatives.read', outcome: 'DENIED' });
  });

  test('REP-2: only the representative the child is attached to at the fund can activate it (traced refusal)', async () => {
    const parent = await aParent();
    const stranger = await aParent();
    const child = await aChildOf(parent.nir);
    await expect(activateChild(db, stranger.actor, { profileId: child.profileId, code: child.code, certified: true }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const trace = await db.selectFrom('access_events').select(['outcome', 'reason']).where('profile_id', '=', child.profileId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ outcome: 'DENIED', reason: 'not-parent-principal' });
  });
});

describe('REP-3..6: sharing a child’s profile', () => {
  async function anActivatedChild() {
    const parent = await aParent();
    const child = await aChildOf(parent.nir);
    await activateChild(db, parent.actor, { profileId: child.profileId, code: child.code, certified: true }, now);
    return { parent: { ...parent, actor: await actorOf(parent) }, child };
  }

  test('REP-3: the second parent, invited by NIR and birth date, accepts; the inviter is told', async () => {
    const { parent, child } = await anActivatedChild();
    const second = await aParent();
    await expect(inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: aNir(), birthDate: '1980-01-01', certified: true }, now))
      .rejects.toMatchObject({ code: 'rep.invitee-unknown', field: 'nir' });
    const { invitationId } = await inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: second.nir, birthDate: second.birthDate, certified: true }, now);
    expect((await latestEmail(db, second.email, 'representative-invitation'))?.payload).toMatchObject({ data: { childFirstName: 'Lina' } });
    expect((await invitationsReceived(db, second.actor, now)).map((i) => [i.childFirstName, i.status])).toEqual([['Lina', 'PENDING']]);
    await answerInvitation(db, second.actor, { invitationId, accept: true }, new Date(now.getTime() + 86_400_000));
    expect((await actorOf(second)).representedProfileIds).toEqual([child.profileId]);
    expect((await latestEmail(db, parent.email, 'representative-answer'))?.payload).toMatchObject({ data: { accepted: true } });
    await expect(answerInvitation(db, second.actor, { invitationId, accept: false }, now)).rejects.toThrow('Vous avez déjà répondu');
  });

  test('REP-3: an invitation expires after 30 days; REP-5: at most two representatives, open invitations included', async () => {
    const { parent, child } = await anActivatedChild();
    const late = await aParent();
    const third = await aParent();
    const { invitationId } = await inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: late.nir, birthDate: late.birthDate, certified: true }, now);
    await expect(inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: third.nir, birthDate: third.birthDate, certified: true }, now))
      .rejects.toThrow('deux représentants légaux');
    const in31Days = new Date(now.getTime() + 31 * 86_400_000);
    await expect(answerInvitation(db, late.actor, { invitationId, accept: true }, in31Days)).rejects.toThrow('Cette invitation a expiré');
    // The expired invitation frees the seat.
    await inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: third.nir, birthDate: third.birthDate, certified: true }, in31Days);
  });

  test('REP-6: an agent withdraws one representative at once; the other keeps access; no re-invitation', async () => {
    const { parent, child } = await anActivatedChild();
    const second = await aParent();
    const { invitationId } = await inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: second.nir, birthDate: second.birthDate, certified: true }, now);
    await answerInvitation(db, second.actor, { invitationId, accept: true }, now);
    const agent = await aStaffMember(db);
    const reps = await representativesOf(db, child.profileId, now);
    const secondRep = reps.active.find((r) => r.account_id === second.accountId)!;
    await revokeRepresentative(db, agent, { profileId: child.profileId, representationId: secondRep.id }, now);
    expect((await actorOf(second)).representedProfileIds).toEqual([]);
    expect((await actorOf(parent)).representedProfileIds).toEqual([child.profileId]);
    expect((await latestEmail(db, second.email, 'representative-revoked'))?.payload).toMatchObject({ data: { childFirstName: 'Lina' } });
    await expect(inviteRepresentative(db, parent.actor, { profileId: child.profileId, nir: second.nir, birthDate: second.birthDate, certified: true }, now))
      .rejects.toThrow('ne peut pas être invitée');
    const trace = await db.selectFrom('access_events').select(['actor_type', 'action']).where('profile_id', '=', child.profileId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(trace).toEqual({ actor_type: 'SUPPORT', action: 'profile.representatives.revoke' });
  });

  test('REP-4, REP-10: an agent grants a second parent who was not invited, and a guardian to a protected adult', async () => {
    const { child } = await anActivatedChild();
    const second = await aParent();
    const agent = await aStaffMember(db);
    await grantRepresentative(db, agent, { profileId: child.profileId, nir: second.nir, birthDate: second.birthDate, role: 'SECOND_PARENT' }, now);
    expect((await actorOf(second)).representedProfileIds).toEqual([child.profileId]);
    const protectedAdult = await aParent();
    const guardian = await aParent();
    await expect(grantRepresentative(db, agent, { profileId: protectedAdult.profileId, nir: guardian.nir, birthDate: guardian.birthDate, role: 'SECOND_PARENT' }, now))
      .rejects.toBeInstanceOf(ValidationError);
    await grantRepresentative(db, agent, { profileId: protectedAdult.profileId, nir: guardian.nir, birthDate: guardian.birthDate, role: 'GUARDIAN' }, now);
    expect((await representativesOf(db, protectedAdult.profileId, now)).active.map((r) => r.role)).toEqual(['GUARDIAN']);
  });
});

describe('REP-7, REP-8: ASE minors and majority', () => {
  test('REP-7: an ASE minor gets a CREATED profile with no representative', async () => {
    const [ase] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, ase: true, birthDate: '2014-09-09' });
    const agent = await aStaffMember(db);
    const { profileId } = await createAseProfile(db, agent, { nir: ase!.nir }, now);
    const profile = await db.selectFrom('profiles').select(['state', 'kind']).where('id', '=', profileId).executeTakeFirstOrThrow();
    expect(profile).toEqual({ state: 'CREATED', kind: 'CHILD' });
    expect((await representativesOf(db, profileId, now)).active).toEqual([]);
    await expect(createAseProfile(db, agent, { nir: ase!.nir }, now)).rejects.toThrow('Un profil existe déjà');
  });

  test('REP-8: born 29 Feb 2008 → handed over at 00:00 Paris on 1 March 2026, representatives out, code to the young adult', async () => {
    const parent = await aParent();
    const child = await aChildOf(parent.nir, '2008-02-29');
    const ownEmail = `jeune.${randomInt(1e9)}@exemple.test`;
    await db.updateTable('insured_people').set({ email: ownEmail }).where('nir', '=', child.nir).execute();
    await activateChild(db, parent.actor, { profileId: child.profileId, code: child.code, certified: true }, new Date('2026-01-10T10:00:00Z'));
    await handOverAtMajority(db, new Date('2026-02-28T22:59:59Z')); // 23:59:59 on 28 Feb in Paris
    expect((await actorOf(parent)).representedProfileIds).toEqual([child.profileId]);
    await handOverAtMajority(db, new Date('2026-02-28T23:00:00Z')); // 00:00 on 1 March in Paris
    expect((await actorOf(parent)).representedProfileIds).toEqual([]);
    const profile = await db.selectFrom('profiles').select(['state', 'kind', 'email']).where('id', '=', child.profileId).executeTakeFirstOrThrow();
    expect(profile).toEqual({ state: 'ACTIVE', kind: 'ADULT', email: ownEmail }); // handed over, not recreated
    const mail = await latestEmail(db, ownEmail, 'majority');
    const { code } = JSON.parse(unseal(mail!.sealed!)) as { code: string };
    const { enrolmentId } = await startActivation(db, { nir: child.nir, vitaleSerial: '12345678901', birthDate: '2008-02-29', code }, new Date('2026-03-02T10:00:00Z'));
    expect(enrolmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await handOverAtMajority(db, new Date('2026-03-02T10:00:00Z'))).handedOver).toBe(0); // idempotent
  });
});
