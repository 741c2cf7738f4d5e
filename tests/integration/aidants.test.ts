import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { expireAidantInvitations } from '@/lib/aidants/expire-aidant-invitations';
import { AIDANT_NOT_FOUND, inviteAidant } from '@/lib/aidants/invite-aidant';
import { linksOfAide, linksOfAidant } from '@/lib/aidants/links';
import { liveAidedProfileIds } from '@/lib/aidants/live-links';
import { respondAidantInvitation } from '@/lib/aidants/respond-invitation';
import { revokeAidant } from '@/lib/aidants/revoke-aidant';
import { closeProfile } from '@/lib/closure/close-profile';
import { liftSuspension, suspendProfile } from '@/lib/closure/support';
import { storeDocument } from '@/lib/documents/store-document';
import { documentDetails } from '@/lib/documents/open-document';
import { listDocuments } from '@/lib/documents/list-documents';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { writeToPatient } from '@/lib/messaging/write-to-patient';
import { notify } from '@/lib/notifications/notify';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { SYSTEM } from '@/lib/access/actor';
import { aHolder, aProfessional, aStaffMember, anActivePatient, insOf, type ActivePatient } from '../factories';
import { emailsTo } from '../support/outbox';

const db = getDb();
const now = new Date('2026-12-01T09:00:00Z');
const later = (days: number) => new Date(now.getTime() + days * 24 * 3600_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

type Person = ActivePatient & { actor: PatientActor };

/** The patient actor as the session builds it (lib/auth/session.ts): the live aidant links re-read now. */
async function sessionActor(p: ActivePatient): Promise<PatientActor> {
  const { rows } = await sql<{ aided: string[] }>`select ${liveAidedProfileIds(p.accountId)} as aided`.execute(db);
  const reps = await db.selectFrom('representations').select('profile_id').where('account_id', '=', p.accountId).where('revoked_at', 'is', null).execute();
  return { kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId,
    representedProfileIds: reps.map((r) => r.profile_id), aidedProfileIds: rows[0]!.aided };
}
async function aPerson(): Promise<Person> {
  const p = await aHolder(db, now);
  return { ...p, actor: await sessionActor(p) };
}
const invite = (aide: Person, aidant: ActivePatient, at = now) =>
  inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: aidant.nir, birthDate: aidant.birthDate, declared: true }, at);

/** aidé invites, aidant accepts: returns the link and the aidant's fresh session actor. */
async function aDelegation(aide?: Person, aidant?: Person) {
  const a = aide ?? await aPerson();
  const b = aidant ?? await aPerson();
  const { linkId } = await invite(a, b);
  const { documentId } = await respondAidantInvitation(db, b.actor, { linkId, accept: true }, now);
  return { aide: a, aidant: b, linkId, justificatifId: documentId!, aidantActor: await sessionActor(b) };
}

const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'actor_id']).where('profile_id', '=', profileId)
  .where('action', 'like', 'profile.aidants.%').orderBy('id').execute();
const notificationEmails = (to: string) => emailsTo(db, to, 'notification');

describe('AID-3: invitation by NIR + date of birth, accepted or refused', () => {
  test('AID-3, AID-5: invite, notify, accept → aidant reaches the profile, justificatif filed, aidé notified, all traced', async () => {
    const aide = await aPerson();
    const aidant = await aPerson();
    const { linkId } = await invite(aide, aidant);
    expect((await linksOfAidant(db, aidant.accountId, now)).map((l) => l.status)).toEqual(['PENDING']);
    // NOT-7: the invited person is notified on their own profile (kind INVITATION, mandatory).
    expect((await notificationEmails(aidant.email)).map((e) => (e.payload as { data: { kind: string } }).data.kind)).toContain('INVITATION');
    expect((await sessionActor(aidant)).aidedProfileIds).toEqual([]);

    const { documentId } = await respondAidantInvitation(db, aidant.actor, { linkId, accept: true }, now);
    const actor = await sessionActor(aidant);
    expect(actor.aidedProfileIds).toEqual([aide.profileId]);
    const doc = await db.selectFrom('documents').selectAll().where('id', '=', documentId!).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ profile_id: aide.profileId, category: 'DOC_ADM', author_type: 'MES', status: 'ACTIVE', mime_type: 'application/pdf' });
    expect(doc.title).toMatch(/^Justificatif d’accès aidant/);
    expect((await notificationEmails(aide.email)).map((e) => (e.payload as { data: { kind: string } }).data.kind)).toContain('INVITATION');
    // The new aidant is not told of its own acceptance: one INVITATION email, the invitation itself.
    expect((await notificationEmails(aidant.email)).filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'INVITATION')).toHaveLength(1);
    expect((await traces(aide.profileId)).map((t) => `${t.action}:${t.outcome}`))
      .toEqual(['profile.aidants.invite:OK', 'profile.aidants.justificatif:OK', 'profile.aidants.accept:OK']);
    // Answered: a second answer is refused.
    await expect(respondAidantInvitation(db, aidant.actor, { linkId, accept: false }, now)).rejects.toMatchObject({ code: 'aid.invitation-closed' });
  });

  test('AID-3: a refusal gives no access, notifies the aidé and is traced; another account cannot answer', async () => {
    const aide = await aPerson();
    const aidant = await aPerson();
    const stranger = await aPerson();
    const { linkId } = await invite(aide, aidant);
    await expect(respondAidantInvitation(db, stranger.actor, { linkId, accept: true }, now)).rejects.toBeInstanceOf(NotFoundError);
    const { documentId } = await respondAidantInvitation(db, aidant.actor, { linkId, accept: false }, now);
    expect(documentId).toBeNull();
    expect((await sessionActor(aidant)).aidedProfileIds).toEqual([]);
    expect((await linksOfAide(db, aide.profileId, now)).map((l) => l.status)).toEqual(['REFUSED']);
    expect((await traces(aide.profileId)).map((t) => t.action)).toEqual(['profile.aidants.invite', 'profile.aidants.refuse']);
  });

  test('AID-3: the declaration must be ticked; an unknown NIR gets the same generic message as a wrong date of birth', async () => {
    const aide = await aPerson();
    const aidant = await aPerson();
    await expect(inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: aidant.nir, birthDate: aidant.birthDate, declared: false }, now))
      .rejects.toMatchObject({ field: 'declared' });
    const unknownNir = `2${String(randomInt(1e12)).padStart(12, '0')}`;
    const unknown = inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: unknownNir, birthDate: '1980-01-01', declared: true }, now);
    await expect(unknown).rejects.toMatchObject({ field: 'nir', message: AIDANT_NOT_FOUND });
    const wrongDate = inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: aidant.nir, birthDate: '1901-01-01', declared: true }, now);
    await expect(wrongDate).rejects.toMatchObject({ field: 'nir', message: AIDANT_NOT_FOUND });
    await expect(inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: aide.nir, birthDate: aide.birthDate, declared: true }, now))
      .rejects.toMatchObject({ code: 'aid.self' });
    expect(await linksOfAide(db, aide.profileId, now)).toEqual([]);
  });

  test('AID-3: after 30 days the invitation is EXPIRED (answer refused); the daily job records it, idempotently', async () => {
    const aide = await aPerson();
    const aidant = await aPerson();
    const { linkId } = await invite(aide, aidant);
    await expect(respondAidantInvitation(db, aidant.actor, { linkId, accept: true }, later(30)))
      .rejects.toMatchObject({ message: 'Cette invitation a expiré : demandez à la personne de vous inviter à nouveau.' });
    expect((await expireAidantInvitations(db, later(30))).expired).toBeGreaterThanOrEqual(1);
    const row = await db.selectFrom('aidant_links').select('status').where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(row.status).toBe('EXPIRED');
    await expireAidantInvitations(db, later(30));
    expect((await db.selectFrom('aidant_links').select('status').where('id', '=', linkId).executeTakeFirstOrThrow()).status).toBe('EXPIRED');
    // The same person can be invited again once the first invitation expired.
    await expect(invite(aide, aidant, later(31))).resolves.toMatchObject({ linkId: expect.any(String) });
  });
});

describe('AID-1: adults only, with their own activated account', () => {
  test('AID-1: a minor cannot be invited (same generic message); a minor holder cannot invite', async () => {
    const aide = await aPerson();
    const minor = await aPerson();
    await db.updateTable('profiles').set({ birth_date: '2012-05-04' }).where('id', '=', minor.profileId).execute();
    await expect(inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: minor.nir, birthDate: '2012-05-04', declared: true }, now))
      .rejects.toMatchObject({ message: AIDANT_NOT_FOUND });
    const adult = await aPerson();
    await expect(invite(minor, adult)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('AID-1: a representative cannot give a child an aidant', async () => {
    const parent = await aPerson();
    const child = await aPerson();
    await db.updateTable('profiles').set({ birth_date: '2015-03-03', kind: 'CHILD' }).where('id', '=', child.profileId).execute();
    await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: child.profileId, role: 'PARENT_PRINCIPAL', granted_at: now,
      revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const parentActor = await sessionActor(parent);
    const helper = await aPerson();
    await expect(inviteAidant(db, parentActor, { profileId: child.profileId, nir: helper.nir, birthDate: helper.birthDate, declared: true }, now))
      .rejects.toBeInstanceOf(AccessDeniedError);
    expect((await traces(child.profileId)).map((t) => `${t.action}:${t.outcome}`)).toEqual(['profile.aidants.invite:DENIED']);
  });

  test('AID-1: an invitee without an activated account (PENDING profile) is not found', async () => {
    const aide = await aPerson();
    const { aPendingPerson } = await import('../factories');
    const pending = await aPendingPerson(db, now);
    await expect(inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: pending.nir, birthDate: pending.birthDate, declared: true }, now))
      .rejects.toMatchObject({ message: AIDANT_NOT_FOUND });
  });
});

describe('AID-2: 3 aidants per aidé, 5 aidés per aidant, pending invitations counted', () => {
  test('AID-2: the fourth invitation of an aidé is refused while three are pending', async () => {
    const aide = await aPerson();
    for (let i = 0; i < 3; i++) await invite(aide, await anActivePatient(db, now));
    await expect(invite(aide, await anActivePatient(db, now))).rejects.toMatchObject({ code: 'aid.max-aide' });
  });

  test('AID-2: an aidant already invited by five people cannot be invited by a sixth', async () => {
    const aidant = await aPerson();
    for (let i = 0; i < 5; i++) await invite(await aPerson(), aidant);
    await expect(invite(await aPerson(), aidant)).rejects.toMatchObject({ code: 'aid.max-aidant' });
  });

  test('AID-2: a revoked aidant frees its seat', async () => {
    const aide = await aPerson();
    const links = [];
    for (let i = 0; i < 3; i++) links.push((await invite(aide, await anActivePatient(db, now))).linkId);
    await revokeAidant(db, aide.actor, { linkId: links[0]! }, now);
    await expect(invite(aide, await anActivePatient(db, now))).resolves.toMatchObject({ linkId: expect.any(String) });
  });
});

describe('AID-4: what an aidant may and may not do', () => {
  test('AID-4: reads documents and the history; refused privacy, closure, export, services; never sees invisible_patient documents', async () => {
    const { aide, aidantActor } = await aDelegation();
    const hidden = await storeDocument(db, SYSTEM, { profileId: aide.profileId, title: 'Annonce diagnostique', category: 'CR_CONSULT', documentDate: null,
      content: { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), mime: 'application/pdf' }, author: { type: 'HEALTHCARE_PROFESSIONAL', id: '1', label: 'Dr Test' },
      traceAction: 'document.deposit', flags: { masquePs: false, invisiblePatient: true, invisibleRepresentatives: false } }, now);
    const listed = await listDocuments(db, aidantActor, aide.profileId, {}, now);
    expect(listed.documents.map((d) => d.title)).toEqual([expect.stringMatching(/^Justificatif d’accès aidant/)]);
    const justificatif = listed.documents[0]!;
    await expect(documentDetails(db, aidantActor, justificatif.id, now)).resolves.toMatchObject({ document: { id: justificatif.id } });
    await expect(documentDetails(db, aidantActor, hidden.documentId, now)).rejects.toThrow();
    const profile = (await findProfileTarget(db, aide.profileId)).target;
    for (const action of ['privacy.manage', 'profile.close', 'profile.export', 'service.connect', 'prevention.manage'] as const) {
      expect(authorize(aidantActor, action, { profile })).toMatchObject({ allowed: false, code: 'aidant-not-allowed' });
    }
    for (const action of ['profile.medical.read', 'profile.history.read', 'document.add', 'message.write', 'notifications.read', 'care-history.read'] as const) {
      expect(authorize(aidantActor, action, { profile })).toEqual({ allowed: true });
    }
    // AID-4: an aidant does not manage the aidé's aidants either.
    await expect(invite({ ...aide, actor: aidantActor }, await anActivePatient(db, now))).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('MSG-9: a message written by an aidant is labelled as such', async () => {
    const { aide, aidantActor } = await aDelegation();
    const gp = await aProfessional(db, { given: 'Claire', family: `Martin${randomInt(1e6)}` });
    await declareConsent(db, gp, { ins: await insOf(db, aide.profileId), patientAgreed: true }, now, 'PRO');
    const sent = await writeToPatient(db, gp, { profileId: aide.profileId, subject: 'Résultats', body: 'Tout va bien.', replyOption: 'REPLY' }, now, 'PRO');
    const { messageId } = await replyAsPatient(db, aidantActor, { profileId: aide.profileId, conversationId: sent.conversationId, body: 'Merci.' }, now);
    const row = await db.selectFrom('messages').select(['written_by_label', 'author_kind']).where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(row.author_kind).toBe('PATIENT');
    expect(row.written_by_label).toMatch(/^rédigé par Camille TESTEUR, l’aidant de /);
  });
});

describe('NOT-7, AID-4: an accepted aidant receives the aidé’s notifications', () => {
  test('NOT-7: the aidant is emailed about the aidé (named), a revoked one no longer is', async () => {
    const { aide, aidant, linkId } = await aDelegation();
    await notify(db, { profileId: aide.profileId, kind: 'NOTIF_DOCUMENT', at: now });
    const got = (await notificationEmails(aidant.email)).filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'NOTIF_DOCUMENT');
    expect(got).toHaveLength(1);
    expect(got[0]!.payload).toMatchObject({ data: { profileId: aide.profileId, profileFirstName: 'Camille' } });
    await revokeAidant(db, aide.actor, { linkId }, later(1));
    await notify(db, { profileId: aide.profileId, kind: 'NOTIF_DOCUMENT', at: later(1) });
    expect((await notificationEmails(aidant.email)).filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'NOTIF_DOCUMENT')).toHaveLength(1);
  });
});

describe('AID-6: revocation by either side, suspension and closure', () => {
  test('AID-6, AID-5: the aidé revokes: access lost at once, the aidant notified, the justificatif gets a new version with the end date', async () => {
    const { aide, aidant, linkId, justificatifId, aidantActor } = await aDelegation();
    expect(authorize(aidantActor, 'document.add', { profile: (await findProfileTarget(db, aide.profileId)).target }).allowed).toBe(true);
    const { documentId } = await revokeAidant(db, aide.actor, { linkId }, later(2));
    const after = await sessionActor(aidant);
    expect(after.aidedProfileIds).toEqual([]);
    await expect(listDocuments(db, after, aide.profileId, {}, later(2))).rejects.toBeInstanceOf(AccessDeniedError);
    const [old, fresh] = await Promise.all([justificatifId, documentId!].map((id) => db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
    expect(old!.status).toBe('OBSOLETE');
    expect(fresh).toMatchObject({ status: 'ACTIVE', replaces_id: justificatifId, category: 'DOC_ADM' });
    expect(fresh!.title).toMatch(/accès terminé/);
    expect((await notificationEmails(aidant.email)).map((e) => (e.payload as { data: { kind: string } }).data.kind)).toContain('REVOCATION');
    const link = await db.selectFrom('aidant_links').selectAll().where('id', '=', linkId).executeTakeFirstOrThrow();
    expect(link).toMatchObject({ status: 'REVOKED', revoked_by: 'AIDE', justificatif_document_id: documentId });
    await expect(revokeAidant(db, aide.actor, { linkId }, later(3))).rejects.toBeInstanceOf(ValidationError);
    expect((await traces(aide.profileId)).map((t) => t.action).slice(-2)).toEqual(['profile.aidants.justificatif', 'profile.aidants.revoke']);
  });

  test('AID-6: the aidant stops helping; the aidé is notified; a stranger cannot revoke', async () => {
    const { aide, aidant, linkId } = await aDelegation();
    const stranger = await aPerson();
    await expect(revokeAidant(db, stranger.actor, { linkId }, now)).rejects.toBeInstanceOf(NotFoundError);
    await revokeAidant(db, aidant.actor, { linkId }, later(1));
    expect((await sessionActor(aidant)).aidedProfileIds).toEqual([]);
    expect((await db.selectFrom('aidant_links').select('revoked_by').where('id', '=', linkId).executeTakeFirstOrThrow()).revoked_by).toBe('AIDANT');
    expect((await notificationEmails(aide.email)).map((e) => (e.payload as { data: { kind: string } }).data.kind)).toContain('REVOCATION');
  });

  test('AID-6: suspension of the aidé pauses the delegation; lifting it resumes it', async () => {
    const { aide, aidant } = await aDelegation();
    const agent = await aStaffMember(db);
    await suspendProfile(db, agent, { profileId: aide.profileId, reason: 'Fraude présumée' }, later(1));
    const suspended = await sessionActor(aidant);
    expect(suspended.aidedProfileIds).toEqual([]);
    expect(authorize(suspended, 'profile.medical.read', { profile: (await findProfileTarget(db, aide.profileId)).target }).allowed).toBe(false);
    await liftSuspension(db, agent, aide.profileId, later(2));
    expect((await sessionActor(aidant)).aidedProfileIds).toEqual([aide.profileId]);
  });

  test('AID-6: closure of the aidé ends the delegation (REVOKED by SYSTEM) and pending invitations', async () => {
    const aide = await aPerson();
    const { aidant, linkId } = await aDelegation(aide);
    const invited = await aPerson();
    const pending = await invite(aide, invited);
    await closeProfile(db, aide.actor, { profileId: aide.profileId, deleteData: false }, later(1));
    expect((await sessionActor(aidant)).aidedProfileIds).toEqual([]);
    await expect(respondAidantInvitation(db, invited.actor, { linkId: pending.linkId, accept: true }, later(1))).rejects.toMatchObject({ code: 'aid.aide-unavailable' });
    const run = await expireAidantInvitations(db, later(2));
    expect(run.ended).toBeGreaterThanOrEqual(2);
    const rows = await db.selectFrom('aidant_links').select(['id', 'status', 'revoked_by']).where('id', 'in', [linkId, pending.linkId]).execute();
    expect(rows.map((r) => `${r.status}:${r.revoked_by}`)).toEqual(['REVOKED:SYSTEM', 'REVOKED:SYSTEM']);
    expect((await traces(aide.profileId)).map((t) => t.action)).toContain('profile.aidants.end');
  });
});
