import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { AdvisorActor, PatientActor } from '@/lib/access/actor';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { inviteAidant } from '@/lib/aidants/invite-aidant';
import { liveAidedProfileIds } from '@/lib/aidants/live-links';
import { respondAidantInvitation } from '@/lib/aidants/respond-invitation';
import { aidantLinksForSupport, endAidantLinkForSupport } from '@/lib/aidants/support-view';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { aHolder, aStaffMember, type ActivePatient } from '../factories';
import { emailsTo } from '../support/outbox';

const db = getDb();
const now = new Date('2026-12-01T09:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

type Person = ActivePatient & { actor: PatientActor; name: string };

/** The patient actor as the session builds it: the live aidant links re-read now (lib/auth/session.ts). */
async function sessionActor(p: ActivePatient): Promise<PatientActor> {
  const { rows } = await sql<{ aided: string[] }>`select ${liveAidedProfileIds(p.accountId)} as aided`.execute(db);
  return { kind: 'PATIENT', accountId: p.accountId, name: 'x', ownProfileId: p.profileId, representedProfileIds: [], aidedProfileIds: rows[0]!.aided };
}
/** An activated adult with a name of its own, so that the agent's table can be read by name. */
async function aPerson(firstNames: string): Promise<Person> {
  const p = await aHolder(db, now);
  const birthName = `NOM${randomUUID().slice(0, 6).toUpperCase()}`;
  await db.updateTable('profiles').set({ first_names: firstNames, birth_name: birthName }).where('id', '=', p.profileId).execute();
  return { ...p, actor: await sessionActor(p), name: `${firstNames} ${birthName}` };
}
const invite = (aide: Person, aidant: Person) =>
  inviteAidant(db, aide.actor, { profileId: aide.profileId, nir: aidant.nir, birthDate: aidant.birthDate, declared: true }, now);
async function accepted(aide: Person, aidant: Person) {
  const { linkId } = await invite(aide, aidant);
  await respondAidantInvitation(db, aidant.actor, { linkId, accept: true }, now);
  return linkId;
}

const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['actor_type', 'actor_id', 'outcome', 'channel', 'reason'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
const revocationEmails = async (to: string) => (await emailsTo(db, to, 'notification'))
  .filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'REVOCATION');

/** Ève helps Louis (accepted) and has invited Hugo (pending) and Inès (refused); Ève helps Rose, and Jade invited Ève. */
async function aFamily() {
  const [eve, louis, hugo, ines, rose, jade] = await Promise.all(['Ève', 'Louis', 'Hugo', 'Inès', 'Rose', 'Jade'].map(aPerson));
  const louisLink = await accepted(eve!, louis!);
  const hugoLink = (await invite(eve!, hugo!)).linkId;
  const inesLink = (await invite(eve!, ines!)).linkId;
  await respondAidantInvitation(db, ines!.actor, { linkId: inesLink, accept: false }, now);
  const roseLink = await accepted(rose!, eve!);
  const jadeLink = (await invite(jade!, eve!)).linkId;
  return { eve: eve!, louis: louis!, hugo: hugo!, ines: ines!, rose: rose!, jade: jade!, louisLink, hugoLink, inesLink, roseLink, jadeLink };
}

describe('AID-1..6, BO: the 3422 agent sees one beneficiary’s aidant links', () => {
  test('AID-3, AID-4, BO: both directions, with the other person, status, dates and live access; the read is traced SUPPORT', async () => {
    const f = await aFamily();
    const agent = await aStaffMember(db);
    const view = await aidantLinksForSupport(db, agent, f.eve.profileId, later(1));

    expect(view.name).toMatch(/^Ève NOM/);
    const row = (l: (typeof view.asAide)[number]) => [l.other.name, l.status, l.live, l.endable];
    expect(view.asAide.map(row).sort()).toEqual([
      [f.hugo.name, 'PENDING', false, true],
      [f.ines.name, 'REFUSED', false, false],
      [f.louis.name, 'ACCEPTED', true, true],
    ].sort());
    // As aidant: Rose's help is live and can be ended for Ève; Jade's invitation is refused from Ève's own space.
    expect(view.asAidant.map(row).sort()).toEqual([
      [f.jade.name, 'PENDING', false, false],
      [f.rose.name, 'ACCEPTED', true, true],
    ].sort());
    const louis = view.asAide.find((l) => l.id === f.louisLink)!;
    expect(louis).toMatchObject({ side: 'AIDE', other: { profileId: f.louis.profileId, birthDate: f.louis.birthDate }, invitedAt: now, respondedAt: now,
      revokedAt: null, revokedBy: null, revokedByAgent: false });
    // AID-3: a pending invitation shows when its 30 days end.
    expect(view.asAide.find((l) => l.id === f.hugoLink)!.expiresAt).toEqual(new Date(now.getTime() + 30 * 24 * 3600_000));
    // BO: civil status and link dates only — nothing of the justificatif or any other document.
    expect(Object.keys(louis).sort()).toEqual(['endable', 'expiresAt', 'id', 'invitedAt', 'live', 'other', 'respondedAt', 'revokedAt', 'revokedBy',
      'revokedByAgent', 'side', 'status'].sort());
    expect(await traces(f.eve.profileId, 'profile.aidants.admin-read'))
      .toEqual([{ actor_type: 'SUPPORT', actor_id: agent.staffId, outcome: 'OK', channel: 'BACKOFFICE', reason: null }]);
  });

  test('AID-3: past its 30 days an invitation reads EXPIRED even before the daily job, and may no longer be ended', async () => {
    const [aide, aidant] = await Promise.all([aPerson('Paul'), aPerson('Lina')]);
    await invite(aide!, aidant!);
    const view = await aidantLinksForSupport(db, await aStaffMember(db), aide!.profileId, new Date(now.getTime() + 31 * 24 * 3600_000));
    expect(view.asAide.map((l) => [l.status, l.endable])).toEqual([['EXPIRED', false]]);
  });

  test('BO, AUD-1: an advisor and patients (the aidé, its aidant) are refused, each refusal traced on the profile', async () => {
    const [aide, aidant] = await Promise.all([aPerson('Marc'), aPerson('Zoé')]);
    await accepted(aide!, aidant!);
    const advisor: AdvisorActor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère' };
    await expect(aidantLinksForSupport(db, advisor, aide!.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(aidantLinksForSupport(db, aide!.actor, aide!.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(aidantLinksForSupport(db, await sessionActor(aidant!), aide!.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await traces(aide!.profileId, 'profile.aidants.admin-read')).map((t) => [t.actor_type, t.outcome]))
      .toEqual([['SUPPORT', 'DENIED'], ['PATIENT', 'DENIED'], ['PATIENT', 'DENIED']]);
    await expect(aidantLinksForSupport(db, await aStaffMember(db), randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
  });

  const inVisit = (profileId: string): AdvisorActor => ({ kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère',
    visit: { id: randomUUID(), personProfileId: profileId, profileIds: [profileId], expiresAt: later(60), endedAt: null, checkedAt: now } });

  test('BO, FS-3, AUD-1: an advisor in a visit covering the profile is refused too (the aidants are not part of the visit), traced DENIED', async () => {
    const aide = await aPerson('Léa');
    await expect(aidantLinksForSupport(db, inVisit(aide.profileId), aide.profileId, now)).rejects.toThrow('réservé aux agents.');
    expect((await traces(aide.profileId, 'profile.aidants.admin-read')).map((t) => [t.actor_type, t.outcome])).toEqual([['SUPPORT', 'DENIED']]);
  });
});

describe('AID-6, BO-5: the agent ends a link on the holder’s phone request', () => {
  test('AID-6: ending an aidant for the aidé — the aidant loses access at once, both are notified, the end is traced SUPPORT', async () => {
    const [aide, aidant] = await Promise.all([aPerson('Anne'), aPerson('Théo')]);
    const linkId = await accepted(aide!, aidant!);
    expect((await sessionActor(aidant!)).aidedProfileIds).toEqual([aide!.profileId]);
    const agent = await aStaffMember(db);
    const at = later(5);

    const { documentId } = await endAidantLinkForSupport(db, agent, { profileId: aide!.profileId, linkId }, at);
    expect((await sessionActor(aidant!)).aidedProfileIds).toEqual([]);
    expect(await revocationEmails(aidant!.email)).toHaveLength(1);
    expect(await revocationEmails(aide!.email)).toHaveLength(1);
    expect(await traces(aide!.profileId, 'profile.aidants.revoke'))
      .toEqual([{ actor_type: 'SUPPORT', actor_id: agent.staffId, outcome: 'OK', channel: 'BACKOFFICE', reason: null }]);
    // AID-5: a new version of the justificatif records the end, at the aidé's request.
    const doc = await db.selectFrom('documents').select(['title', 'status', 'profile_id']).where('id', '=', documentId!).executeTakeFirstOrThrow();
    expect(doc).toEqual({ title: expect.stringContaining('(accès terminé)'), status: 'ACTIVE', profile_id: aide!.profileId });

    const view = await aidantLinksForSupport(db, agent, aide!.profileId, later(6));
    expect(view.asAide).toEqual([expect.objectContaining({ id: linkId, status: 'REVOKED', revokedAt: at, revokedBy: 'AIDE', revokedByAgent: true,
      live: false, endable: false })]);
    await expect(endAidantLinkForSupport(db, agent, { profileId: aide!.profileId, linkId }, later(7))).rejects.toMatchObject({ code: 'aid.not-revocable' });
  });

  test('AID-6: for the aidant, the agent ends the help it gives (traced in both histories); a received invitation is not the agent’s to end', async () => {
    const [aide, aidant, inviter] = await Promise.all([aPerson('Rémi'), aPerson('Sophie'), aPerson('Yann')]);
    const linkId = await accepted(aide!, aidant!);
    const pending = (await invite(inviter!, aidant!)).linkId;
    const agent = await aStaffMember(db);

    await endAidantLinkForSupport(db, agent, { profileId: aidant!.profileId, linkId }, later(5));
    expect((await sessionActor(aidant!)).aidedProfileIds).toEqual([]);
    expect(await revocationEmails(aide!.email)).toHaveLength(1);
    expect(await revocationEmails(aidant!.email)).toHaveLength(1);
    expect((await traces(aide!.profileId, 'profile.aidants.revoke')).map((t) => t.actor_type)).toEqual(['SUPPORT']);
    expect((await traces(aidant!.profileId, 'profile.aidants.revoke')).map((t) => t.actor_type)).toEqual(['SUPPORT']);
    const view = await aidantLinksForSupport(db, agent, aidant!.profileId, later(6));
    expect(view.asAidant.find((l) => l.id === linkId)).toMatchObject({ status: 'REVOKED', revokedBy: 'AIDANT', revokedByAgent: true });

    await expect(endAidantLinkForSupport(db, agent, { profileId: aidant!.profileId, linkId: pending }, later(7)))
      .rejects.toMatchObject({ code: 'aid.not-revocable' });
    // A link of someone else: not through this beneficiary's page.
    await expect(endAidantLinkForSupport(db, agent, { profileId: aide!.profileId, linkId: pending }, later(7))).rejects.toBeInstanceOf(NotFoundError);
    expect((await db.selectFrom('aidant_links').select('status').where('id', '=', pending).executeTakeFirstOrThrow()).status).toBe('PENDING');
  });

  test('BO-5, AUD-1: an advisor or a patient cannot end a link through the back-office; the refusal is traced and the link stays', async () => {
    const [aide, aidant] = await Promise.all([aPerson('Nina'), aPerson('Oscar')]);
    const linkId = await accepted(aide!, aidant!);
    const advisor: AdvisorActor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    await expect(endAidantLinkForSupport(db, advisor, { profileId: aide!.profileId, linkId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(endAidantLinkForSupport(db, aide!.actor, { profileId: aide!.profileId, linkId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await traces(aide!.profileId, 'profile.aidants.revoke')).map((t) => [t.actor_type, t.outcome]))
      .toEqual([['SUPPORT', 'DENIED'], ['PATIENT', 'DENIED']]);
    expect((await sessionActor(aidant!)).aidedProfileIds).toEqual([aide!.profileId]);
  });
});
