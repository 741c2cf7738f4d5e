import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { startActivation } from '@/lib/accounts/start-activation';
import { chooseCredentials } from '@/lib/accounts/choose-credentials';
import { confirmActivation } from '@/lib/accounts/confirm-activation';
import { TransitionRefusedError } from '@/lib/accounts/lifecycle';
import { verifyChains } from '@/lib/audit/verify-chains';
import { closeProfile } from '@/lib/closure/close-profile';
import { addDocument } from '@/lib/documents/add-document';
import { addMeasure } from '@/lib/measures/add-measure';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { notify } from '@/lib/notifications/notify';
import { closeCreatedWithCode } from '@/lib/closure/close-with-code';
import { deletionQueue, runClosureJobs } from '@/lib/closure/purge';
import { closeSuspendedWithDecision, liftSuspension, recordDeath, recordSuspensionObjection, suspendProfile } from '@/lib/closure/support';
import { countEligible } from '@/lib/campaigns/selection';
import { aPendingPerson, aStaffMember, anActivePatient } from '../factories';
import { latestEmail, latestOtp } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z');
const day = 86_400_000;
const stateOf = async (id: string) => db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const holderOf = (p: { accountId: string; profileId: string }): PatientActor => ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });
/** NOT-4: the kinds in the profile's notification centre, newest first. */
const centreKinds = async (profileId: string) => (await db.selectFrom('notifications').select('kind').where('profile_id', '=', profileId)
  .orderBy('created_at', 'desc').orderBy('id', 'desc').execute()).map((n) => n.kind);
const traceCount = async (profileId: string) => Number((await db.selectFrom('access_events').select((eb) => eb.fn.countAll<string>().as('n')).where('profile_id', '=', profileId).executeTakeFirstOrThrow()).n);

describe('CLO-1..3: closure', () => {
  test('CLO-1, CLO-3, T5: the holder closes on the web: CLOSED at once, dated confirmation email, codes void', async () => {
    const p = await anActivePatient(db, now);
    await closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: false }, now);
    const profile = await stateOf(p.profileId);
    expect(profile).toMatchObject({ state: 'CLOSED', closure_reason: 'HOLDER', closed_at: now });
    expect((await latestEmail(db, p.email, 'closure'))?.payload).toMatchObject({ data: { deletion: false } });
    expect(await centreKinds(p.profileId)).toEqual(['CLOSURE']); // NOT-4: in the centre too, one email only (its own)
    expect(await db.selectFrom('outbox').select('id').where(sql<boolean>`payload->'message'->>'template' = 'notification'`)
      .where(sql<boolean>`payload->'message'->>'to' = ${p.email}`).execute()).toEqual([]);
    await expect(closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: false }, now)).rejects.toThrow('n’est pas accessible');
  });

  test('OPP-8, CLO-2: a CREATED profile closes with NIR, serial, birth date and a valid code; a wrong code is refused and counted', async () => {
    const p = await aPendingPerson(db, now);
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', p.profileId).execute();
    const identity = { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, deleteData: true };
    await expect(closeCreatedWithCode(db, { ...identity, code: 'ABCD2345' }, now)).rejects.toMatchObject({ code: 'activation.mismatch' });
    expect((await stateOf(p.profileId)).activation_streak).toBe(1);
    await closeCreatedWithCode(db, { ...identity, code: p.code }, now);
    expect(await stateOf(p.profileId)).toMatchObject({ state: 'DELETION_REQUESTED', closure_reason: 'OPPOSITION', purge_due_on: '2026-12-31' });
  });

  test('OPP-8: a PENDING profile is told to oppose instead (no code needed)', async () => {
    const p = await aPendingPerson(db, now);
    await expect(closeCreatedWithCode(db, { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, code: p.code, deleteData: false }, now))
      .rejects.toThrow('vous pouvez encore vous y opposer');
  });
});

describe('CLO-5..7: deletion, purge, re-opening', () => {
  test('CLO-5, T12, ACC-5: a deletion request is purged at +30 days with its traces; the holder is told; campaigns never re-create it', async () => {
    const p = await anActivePatient(db, now);
    await db.insertInto('insured_people').values({ nir: p.nir, vitale_serial: p.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille', birth_date: p.birthDate,
      sex: 2, birth_place: '75056', departement: '90', email: p.email, mobile: null, postal_address: null, parent_nir: null, ase: false, has_dmp: false,
      row_hash: 'x', last_import_id: null, updated_at: now }).execute();
    // Data of the later features, written directly: the purge must leave none (CLO-4).
    await db.insertInto('appointments').values({ profile_id: p.profileId, title: 'Dentiste', starts_at: now, place: null, note: null, service_id: null,
      created_by_account: null, created_at: now, updated_at: now }).execute();
    await db.insertInto('reminders').values({ profile_id: p.profileId, title: 'Vaccin', due_on: '2027-01-10', note: null, remind_at: now,
      reminded_at: null, created_by_account: null }).execute();
    await closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: true }, now);
    const agent = await aStaffMember(db);
    expect((await deletionQueue(db, agent, new Date(now.getTime() + 76 * day))).find((r) => r.id === p.profileId)?.alert).toBe(true);
    await runClosureJobs(db, new Date(now.getTime() + 29 * day));
    expect((await stateOf(p.profileId)).state).toBe('DELETION_REQUESTED');
    expect(await traceCount(p.profileId)).toBeGreaterThan(0);
    const result = await runClosureJobs(db, new Date(now.getTime() + 30 * day));
    expect(result.deletionsPurged).toBeGreaterThanOrEqual(1);
    const tombstone = await stateOf(p.profileId);
    expect(tombstone).toMatchObject({ state: 'PURGED', first_names: '', email: null });
    expect(tombstone.nir).toMatch(/^PURGED-[0-9a-f]{64}$/);
    expect(await traceCount(p.profileId)).toBe(0); // CLO-4/5: traces included
    for (const table of ['appointments', 'reminders'] as const) {
      expect(await db.selectFrom(table).select('id').where('profile_id', '=', p.profileId).execute()).toEqual([]);
    }
    expect(await db.selectFrom('accounts').select('id').where('id', '=', p.accountId).executeTakeFirst()).toBeUndefined();
    expect((await latestEmail(db, p.email, 'purged'))?.payload).toMatchObject({ data: { firstName: 'Camille' } });
    expect((await countEligible(db, { departements: ['90'], birthsSince: null }, now)).total).toBe(0);
    expect((await verifyChains(db)).breaks).toEqual([]);
  });

  test('CLO-6, CLO-7, T11: re-activation with a new code and the consent box cancels the pending deletion and restores the profile', async () => {
    const p = await anActivePatient(db, now);
    await closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: true }, now);
    const { code } = await issueCode(db, p.profileId, now);
    const input = { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, code };
    await expect(startActivation(db, input, now)).rejects.toMatchObject({ code: 'activation.reopen-consent', field: 'reopenConsent' });
    const { enrolmentId } = await startActivation(db, { ...input, reopenConsent: true }, now);
    const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant: p.identifiant, password: p.password, passwordConfirmation: p.password, email: p.email }, now);
    await confirmActivation(db, { enrolmentId, challengeId, otp: await latestOtp(db, p.email) }, now);
    expect(await stateOf(p.profileId)).toMatchObject({ state: 'ACTIVE', deletion_requested_at: null, purge_due_on: null, closed_at: null });
    await runClosureJobs(db, new Date(now.getTime() + 40 * day));
    expect((await stateOf(p.profileId)).state).toBe('ACTIVE'); // nothing purged: the request was cancelled
  });

  test('CLO-4, T13: a closed profile is archived 10 years, then purged', async () => {
    const p = await anActivePatient(db, now);
    await closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: false }, now);
    await runClosureJobs(db, new Date('2036-11-30T09:00:00Z'));
    expect((await stateOf(p.profileId)).state).toBe('CLOSED');
    await runClosureJobs(db, new Date('2036-12-01T09:00:01Z'));
    expect((await stateOf(p.profileId)).state).toBe('PURGED');
  });
});

describe('CLO-9..11: suspension and death (BO-6)', () => {
  test('CLO-9, T6/T8: without objection within 42 days the suspended profile closes automatically', async () => {
    const p = await anActivePatient(db, now);
    const agent = await aStaffMember(db);
    await suspendProfile(db, agent, { profileId: p.profileId, reason: 'Usage frauduleux signalé' }, now);
    expect(await stateOf(p.profileId)).toMatchObject({ state: 'SUSPENDED', suspension_deadline: '2027-01-12' });
    expect((await latestEmail(db, p.email, 'suspension'))?.payload).toMatchObject({ data: { lastObjectionDay: '2027-01-12' } });
    expect(await centreKinds(p.profileId)).toEqual(['SUSPENSION']); // NOT-4
    // ACC-3: the holder can no longer log in and is told how to object, with the last day.
    const { startLogin } = await import('@/lib/auth/password-login');
    await expect(startLogin(db, 'patient', { identifiant: p.identifiant, password: p.password }, now))
      .rejects.toThrow('Votre profil est suspendu par l’Assurance Maladie. Pour contester cette suspension avant le 12/01/2027');
    await runClosureJobs(db, new Date('2027-01-12T22:59:00Z')); // 23:59 on the last day, Paris
    expect((await stateOf(p.profileId)).state).toBe('SUSPENDED');
    await runClosureJobs(db, new Date('2027-01-12T23:00:00Z'));
    expect(await stateOf(p.profileId)).toMatchObject({ state: 'CLOSED', closure_reason: 'SUSPENSION' });
  });

  test('CLO-10, T7: an objection stops the countdown; the agent lifts (back to ACTIVE) or closes with a reasoned decision', async () => {
    const agent = await aStaffMember(db);
    const a = await anActivePatient(db, now);
    await suspendProfile(db, agent, { profileId: a.profileId, reason: 'Dysfonctionnement grave' }, now);
    await recordSuspensionObjection(db, agent, a.profileId, now);
    await runClosureJobs(db, new Date(now.getTime() + 60 * day));
    expect((await stateOf(a.profileId)).state).toBe('SUSPENDED');
    await liftSuspension(db, agent, a.profileId, now);
    expect((await stateOf(a.profileId)).state).toBe('ACTIVE');

    const b = await anActivePatient(db, now);
    await suspendProfile(db, agent, { profileId: b.profileId, reason: 'Usage frauduleux avéré' }, now);
    await recordSuspensionObjection(db, agent, b.profileId, now);
    await closeSuspendedWithDecision(db, agent, { profileId: b.profileId, decision: 'Fraude confirmée après examen' }, now);
    expect(await stateOf(b.profileId)).toMatchObject({ state: 'CLOSED', closure_reason: 'SUSPENSION' });
    await expect(liftSuspension(db, agent, b.profileId, now)).rejects.toBeInstanceOf(TransitionRefusedError);
  });

  test('CLO-11, T15: a death closes with reason DECEASED; such a profile cannot be reopened by activation', async () => {
    const agent = await aStaffMember(db);
    const p = await anActivePatient(db, now);
    await recordDeath(db, agent, p.profileId, now);
    expect(await stateOf(p.profileId)).toMatchObject({ state: 'CLOSED', closure_reason: 'DECEASED' });
    const { code } = await issueCode(db, p.profileId, now);
    await expect(startActivation(db, { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, code, reopenConsent: true }, now))
      .rejects.toMatchObject({ code: 'activation.mismatch' });
  });
});

describe('CLO-11 heirs, BO-4 merges', () => {
  test('CLO-11: an heir’s request is decided by a second agent only; the export exists only after approval', async () => {
    const { decideHeirRequest, heirExportPdf, heirRequestsOf, recordHeirRequest } = await import('@/lib/closure/heirs');
    const first = await aStaffMember(db);
    const second = await aStaffMember(db);
    const p = await anActivePatient(db, now);
    const request = { profileId: p.profileId, requesterName: 'Paul TESTEUR', relation: 'HEIR' as const, proof: 'Acte de notoriété du 02/12/2026' };
    await expect(recordHeirRequest(db, first, request, now)).rejects.toThrow('décès est enregistré');
    await recordDeath(db, first, p.profileId, now);
    await recordHeirRequest(db, first, request, now);
    const [req] = await heirRequestsOf(db, p.profileId);
    await expect(heirExportPdf(db, first, { profileId: p.profileId, requestId: req!.id }, now)).rejects.toThrow('second agent');
    await expect(decideHeirRequest(db, first, { profileId: p.profileId, requestId: req!.id, approve: true, note: '' }, now)).rejects.toThrow('un autre agent');
    await decideHeirRequest(db, second, { profileId: p.profileId, requestId: req!.id, approve: true, note: 'Pièces conformes' }, now);
    const { pdf } = await heirExportPdf(db, second, { profileId: p.profileId, requestId: req!.id }, now);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const traces = await db.selectFrom('access_events').select(['action', 'outcome']).where('profile_id', '=', p.profileId).where('action', 'like', 'profile.heir%').execute();
    expect(traces).toContainEqual({ action: 'profile.heir-decision', outcome: 'DENIED' });
    expect(traces).toContainEqual({ action: 'profile.heir-export', outcome: 'OK' });
  });

  test('BO-4: a duplicate of the same person is merged: closed as MERGED, its account and its record move to the kept profile', async () => {
    const { mergeDuplicate } = await import('@/lib/identity/merge');
    const agent = await aStaffMember(db);
    const kept = await aPendingPerson(db, now, { firstNames: 'Dominique', birthName: 'DOUBLON' });
    const dup = await anActivePatient(db, now);
    await expect(mergeDuplicate(db, agent, { keepProfileId: kept.profileId, duplicateNir: dup.nir, reason: 'Ancien numéro provisoire' }, now))
      .rejects.toMatchObject({ code: 'merge.not-same-person' });
    await db.updateTable('profiles').set({ first_names: 'Dominique', birth_name: 'DOUBLON', birth_date: kept.birthDate }).where('id', '=', dup.profileId).execute();
    // The person's record lives on the duplicate they activated: it must follow them.
    const holder = holderOf(dup);
    await db.insertInto('document_folders').values({ profile_id: dup.profileId, name: 'Cardiologie' }).execute();
    const { documentId } = await addDocument(db, holder, { profileId: dup.profileId, title: 'Bilan sanguin', category: 'BIOLOGIE', documentDate: null,
      files: [{ name: 'bilan.txt', bytes: Buffer.from('Glycémie normale') }] }, now);
    await addMeasure(db, holder, { profileId: dup.profileId, type: 'WEIGHT', value: '71,5', date: '2026-11-30', time: '08:00' }, now);
    await addEntry(db, holder, { profileId: dup.profileId, kind: 'BLOOD_GROUP', fields: { group: 'A+' } }, now);
    await notify(db, { profileId: dup.profileId, kind: 'SECURITY', data: { securityEvent: 'credentials' }, at: now, inAppOnly: true });
    await mergeDuplicate(db, agent, { keepProfileId: kept.profileId, duplicateNir: dup.nir, reason: 'Ancien numéro provisoire' }, now);
    expect(await stateOf(dup.profileId)).toMatchObject({ state: 'CLOSED', closure_reason: 'MERGED', merged_into: kept.profileId });
    const account = await db.selectFrom('accounts').select('profile_id').where('id', '=', dup.accountId).executeTakeFirstOrThrow();
    expect(account.profile_id).toBe(kept.profileId);
    expect((await stateOf(kept.profileId)).state).toBe('ACTIVE'); // the person keeps logging in, now on the right profile
    const on = async (table: 'documents' | 'document_folders' | 'measures' | 'medical_entries' | 'notifications') =>
      (await db.selectFrom(table).select('profile_id').where('profile_id', 'in', [kept.profileId, dup.profileId]).execute()).map((r) => r.profile_id);
    for (const table of ['documents', 'document_folders', 'measures', 'medical_entries'] as const) expect(await on(table)).toEqual([kept.profileId]);
    expect(await on('notifications')).toEqual([kept.profileId]); // the security notice moved; the duplicate's closure is not told (MERGED)
    const movedDoc = await db.selectFrom('documents').select(['profile_id', 'blob_key']).where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(movedDoc.blob_key).not.toBeNull(); // the same encrypted file, still readable through the kept profile
  });
});
