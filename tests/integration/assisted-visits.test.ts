import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { AdvisorActor } from '@/lib/access/actor';
import { listAgenda } from '@/lib/agenda/list-agenda';
import { listHistory } from '@/lib/audit/history';
import { describeActor } from '@/lib/audit/history-format';
import { listCareEpisodes } from '@/lib/care-history/list-episodes';
import { listDocuments } from '@/lib/documents/list-documents';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { chooseAssistedCredentials, confirmAssistedActivation, startAssistedActivation } from '@/lib/france-services/visits/assisted-activation';
import {
  changeNotificationsInVisit, closeInVisit, opposeInVisit, requestDeletionInVisit, sendCodeInVisit, visitProfiles, visitReceipt,
} from '@/lib/france-services/visits/assisted-actions';
import { TransitionRefusedError } from '@/lib/accounts/lifecycle';
import { closeProfile, requestDeletion } from '@/lib/closure/close-profile';
import { purgeDueOn } from '@/lib/closure/rules';
import { endVisit } from '@/lib/france-services/visits/end-visit';
import { NoActiveVisitError, VisitAlreadyOpenError, VisitExpiredError, VisitIdentityError } from '@/lib/france-services/visits/errors';
import { requireActiveVisit, type AdvisorInVisit } from '@/lib/france-services/visits/guard';
import { startVisit } from '@/lib/france-services/visits/start-visit';
import { visitSummary } from '@/lib/france-services/visits/summary';
import { InvalidNirError } from '@/lib/identity/nir';
import { measuresOverview } from '@/lib/measures/list-measures';
import { readMedicalProfile } from '@/lib/medical-profile/read-profile';
import { listConversations } from '@/lib/messaging/list-conversations';
import { notificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { aPendingPerson, aStaffMember, anActivePatient, holderActor } from '../factories';
import { latestOtp } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const MIN = 60_000;

/** A France Services advisor of their own site (FS-1), as the session builds them. */
async function anAdvisor(): Promise<AdvisorActor & { siteName: string }> {
  const tag = randomUUID().slice(0, 8);
  const site = await db.insertInto('france_services_sites').values({ name: `France Services de Bellac ${tag}`, commune: 'Bellac', departement: '87' })
    .returning(['id', 'name']).executeTakeFirstOrThrow();
  const staff = await db.insertInto('staff_users').values({
    kind: 'ADVISOR', identifiant: `conseil.${tag}`, password_hash: 'x', email: `conseil.${tag}@fs.test`, display_name: 'Lucie Moreau', site_id: site.id, locked_until: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { kind: 'ADVISOR', staffId: staff.id, siteId: site.id, name: 'Lucie Moreau', siteName: site.name };
}

const card = (p: { nir: string; vitaleSerial: string; birthDate: string }) => ({ nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, presenceConfirmed: true });

async function visitFor(advisor: AdvisorActor, person: { nir: string; vitaleSerial: string; birthDate: string }, at: Date): Promise<AdvisorInVisit> {
  await startVisit(db, advisor, card(person), at);
  return requireActiveVisit(db, advisor, at);
}

const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events')
  .select(['actor_type', 'actor_role', 'site_id', 'mode', 'outcome', 'reason']).where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

const ALL = (on: boolean): ChannelSwitches => ({ NOTIF_MESSAGE: on, NOTIF_DOCUMENT: on, NOTIF_APPOINTMENT: on, NOTIF_DEPISTAGE: on, NOTIF_SYNCHRONIZED_SERVICE: on });

describe('FS-2: starting a visit from the carte Vitale, the person present', () => {
  test('FS-2: a wrong NIR key is an error on the NIR field; nothing starts', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const wrongKey = person.nir.slice(0, 13) + String((Number(person.nir.slice(13)) % 97) + 1).padStart(2, '0');
    await expect(startVisit(db, advisor, { ...card(person), nir: wrongKey }, new Date())).rejects.toMatchObject({ constructor: InvalidNirError, field: 'nir' });
    await expect(requireActiveVisit(db, advisor, new Date())).rejects.toBeInstanceOf(NoActiveVisitError);
  });

  test('FS-2: a wrong serial or a wrong date of birth gets the same generic message (no hint which)', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const wrongSerial = startVisit(db, advisor, { ...card(person), vitaleSerial: '98765432109' }, new Date());
    const wrongBirth = startVisit(db, advisor, { ...card(person), birthDate: '1901-01-01' }, new Date());
    await expect(wrongSerial).rejects.toBeInstanceOf(VisitIdentityError);
    await expect(wrongBirth).rejects.toBeInstanceOf(VisitIdentityError);
    const messages = await Promise.all([wrongSerial, wrongBirth].map((p) => p.catch((e: Error) => e.message)));
    expect(messages[0]).toBe(messages[1]);
    expect(messages[0]).toContain('ne correspondent à aucun profil');
    const refusals = await db.selectFrom('access_events').select(['outcome', 'reason']).where('actor_id', '=', advisor.staffId).where('action', '=', 'assisted-visit.start').execute();
    expect(refusals).toEqual([{ outcome: 'DENIED', reason: 'no-match' }, { outcome: 'DENIED', reason: 'no-match' }]);
  });

  test('FS-2: without the presence box ticked, the error is on the box and no visit starts', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const error = await startVisit(db, advisor, { ...card(person), presenceConfirmed: false }, new Date()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'presenceConfirmed', message: 'Cochez la case pour confirmer que la personne est présente et a donné son accord.' });
    expect(await db.selectFrom('assisted_visits').select('id').where('advisor_id', '=', advisor.staffId).execute()).toEqual([]);
  });

  test('FS-2: the visit covers the person and the children they represent (REP), and is traced on each, ASSISTED, with the site', async () => {
    const advisor = await anAdvisor();
    const parent = await anActivePatient(db);
    const child = await aPendingPerson(db, new Date(), { firstNames: 'Léo' });
    await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: child.profileId, role: 'PARENT_PRINCIPAL',
      granted_at: new Date(), revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const inVisit = await visitFor(advisor, parent, new Date());
    expect(inVisit.visit.personProfileId).toBe(parent.profileId);
    expect([...inVisit.visit.profileIds].sort()).toEqual([parent.profileId, child.profileId].sort());
    const shown = await visitProfiles(db, inVisit);
    expect(shown.map((p) => [p.relation, p.state])).toEqual([['SELF', 'ACTIVE'], ['REPRESENTED', 'PENDING']]);
    const row = await db.selectFrom('assisted_visits').selectAll().where('id', '=', inVisit.visit.id).executeTakeFirstOrThrow();
    expect(row.expires_at.getTime() - row.started_at.getTime()).toBe(60 * MIN);
    expect(row).toMatchObject({ presence_confirmed: true, site_id: advisor.siteId, ended_at: null });
    for (const id of [parent.profileId, child.profileId]) {
      expect(await tracesOf(id, 'profile.admin.read')).toEqual([{ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null }]);
    }
  });

  test('FS-2: one visit at a time; « Terminer l’accompagnement » ends it and nothing more can be done', async () => {
    const advisor = await anAdvisor();
    const [a, b] = [await aPendingPerson(db), await aPendingPerson(db)];
    const t0 = new Date();
    const inVisit = await visitFor(advisor, a, t0);
    await expect(startVisit(db, advisor, card(b), new Date(t0.getTime() + MIN))).rejects.toBeInstanceOf(VisitAlreadyOpenError);
    await endVisit(db, inVisit, new Date(t0.getTime() + 2 * MIN));
    expect(await db.selectFrom('assisted_visits').select(['end_reason']).where('id', '=', inVisit.visit.id).executeTakeFirstOrThrow()).toEqual({ end_reason: 'ENDED' });
    await expect(requireActiveVisit(db, advisor, new Date(t0.getTime() + 3 * MIN))).rejects.toBeInstanceOf(NoActiveVisitError);
    // The next person can now be received.
    await expect(startVisit(db, advisor, card(b), new Date(t0.getTime() + 4 * MIN))).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('FS-2: after 60 minutes every action is refused', () => {
  test('FS-2: the guard refuses past 60 minutes, closes the visit EXPIRED, and the policy refuses a late action', async () => {
    const advisor = await anAdvisor();
    const patient = await anActivePatient(db);
    const t0 = new Date();
    const inVisit = await visitFor(advisor, patient, t0);
    await expect(requireActiveVisit(db, advisor, new Date(t0.getTime() + 59 * MIN))).resolves.toHaveProperty('visit.id', inVisit.visit.id);
    const late = new Date(t0.getTime() + 60 * MIN);
    await expect(requireActiveVisit(db, advisor, late)).rejects.toBeInstanceOf(VisitExpiredError);
    const row = await db.selectFrom('assisted_visits').select(['ended_at', 'end_reason']).where('id', '=', inVisit.visit.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ ended_at: new Date(t0.getTime() + 60 * MIN), end_reason: 'EXPIRED' });
    await expect(requireActiveVisit(db, advisor, late)).rejects.toBeInstanceOf(NoActiveVisitError);
    // An actor taken before the hour and used after it: the policy itself refuses each FS-3 action.
    const stale: AdvisorInVisit = { ...inVisit, visit: { ...inVisit.visit, checkedAt: late } };
    await expect(changeNotificationsInVisit(db, stale, { EMAIL: ALL(false), SMS: ALL(true), PUSH: ALL(true) }, late)).rejects.toThrow('l’accompagnement est terminé');
    await expect(sendCodeInVisit(db, stale, patient.profileId, late)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(opposeInVisit(db, stale, [patient.profileId], late)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await tracesOf(patient.profileId, 'profile.code.reissue')).map((t) => t.reason)).toEqual(['advisor-visit-expired']);
    expect((await notificationPreferences(db, holderActor(patient), 'EMAIL', late)).NOTIF_MESSAGE).toBe(true);
  });
});

describe('FS-3, FS-5: actions during the visit, each traced ASSISTED with advisor and site, and shown in the history', () => {
  test('FS-3, NOT-1: the person’s notification settings change; the history shows it as assisted', async () => {
    const advisor = await anAdvisor();
    const patient = await anActivePatient(db);
    const t0 = new Date();
    const inVisit = await visitFor(advisor, patient, t0);
    await changeNotificationsInVisit(db, inVisit, { EMAIL: { ...ALL(true), NOTIF_DEPISTAGE: false }, SMS: ALL(true), PUSH: ALL(true) }, new Date(t0.getTime() + MIN));
    const holder = holderActor(patient);
    expect((await notificationPreferences(db, holder, 'EMAIL', t0)).NOTIF_DEPISTAGE).toBe(false);
    expect((await notificationPreferences(db, holder, 'SMS', t0)).NOTIF_DEPISTAGE).toBe(true);
    const traces = await tracesOf(patient.profileId, 'notification.preferences');
    expect(traces).toHaveLength(3);
    for (const t of traces) expect(t).toEqual({ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null });
    const history = await listHistory(db, holder, { profileId: patient.profileId, tab: 'tout' }, new Date(t0.getTime() + 2 * MIN));
    const line = history.rows.find((r) => r.action === 'notification.preferences')!;
    expect(describeActor(line, patient.accountId)).toBe(`Avec l’aide d’un conseiller France Services (Lucie Moreau, ${advisor.siteName})`);
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 2 * MIN));
    expect(summary.actions).toEqual([expect.objectContaining({ label: 'Préférences de notification modifiées', detail: expect.stringContaining('Dépistages organisés des cancers (courriel)') })]);
  });

  test('FS-3, CMP-8: a new code provisoire for a CREATED profile, emailed, traced ASSISTED with the site', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', person.profileId).execute();
    const t0 = new Date();
    const inVisit = await visitFor(advisor, person, t0);
    const sent = await sendCodeInVisit(db, inVisit, person.profileId, new Date(t0.getTime() + MIN));
    expect(sent.channel).toBe('EMAIL');
    const mails = await db.selectFrom('outbox').select(sql<string>`payload->>'template'`.as('template')).where(sql<string>`payload->>'to'`, '=', person.email.toLowerCase()).execute();
    expect(mails.map((m) => m.template)).toContain('new-code');
    expect(await tracesOf(person.profileId, 'profile.code.reissue')).toEqual([{ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null }]);
  });

  test('FS-3, OPP-4, OPP-6: an opposition in the window, channel France Services, with its receipt; a CREATED profile is refused (OPP-8)', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const t0 = new Date();
    const inVisit = await visitFor(advisor, person, t0);
    const [oppositionId] = await opposeInVisit(db, inVisit, [person.profileId], new Date(t0.getTime() + MIN));
    expect(await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'OPPOSED' });
    expect(await db.selectFrom('oppositions').select(['channel', 'recorded_by']).where('id', '=', oppositionId!).executeTakeFirstOrThrow())
      .toEqual({ channel: 'FRANCE_SERVICES', recorded_by: advisor.staffId });
    expect(await tracesOf(person.profileId, 'profile.oppose')).toEqual([{ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null }]);
    expect(await visitReceipt(db, inVisit, oppositionId!)).toBe(true);
    expect(await visitReceipt(db, inVisit, randomUUID())).toBe(false);
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 2 * MIN));
    expect(summary.nextSteps[0]).toContain('Gardez le récépissé');

    const other = await anAdvisor();
    const created = await aPendingPerson(db);
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', created.profileId).execute();
    const second = await visitFor(other, created, t0);
    await expect(opposeInVisit(db, second, [created.profileId], new Date(t0.getTime() + MIN))).rejects.toMatchObject({ code: 'opposition.not-pending' });
    expect(await db.selectFrom('profiles').select('state').where('id', '=', created.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'CREATED' });
  });

  test('FS-3, ACT-1..9: the person activates their own profile on the advisor’s screen; traced ASSISTED with the site; no secret is kept for the summary', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const t0 = new Date();
    const inVisit = await visitFor(advisor, person, t0);
    const { enrolmentId } = await startAssistedActivation(db, inVisit, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate, code: person.code }, t0);
    const password = 'Azur-Lagon-7x!';
    const identifiant = `aide.${randomUUID().slice(0, 8)}`;
    const { challengeId } = await chooseAssistedCredentials(db, inVisit, enrolmentId, { identifiant, password, passwordConfirmation: password, email: person.email }, t0);
    await confirmAssistedActivation(db, inVisit, { enrolmentId, challengeId, otp: await latestOtp(db, person.email) }, new Date(t0.getTime() + MIN));
    expect(await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'ACTIVE' });
    expect(await tracesOf(person.profileId, 'profile.activate')).toEqual([{ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null }]);
    const logged = await db.selectFrom('assisted_visit_actions').select(['kind', 'detail']).where('visit_id', '=', inVisit.visit.id).execute();
    expect(logged).toEqual([{ kind: 'ACTIVATION', detail: 'La personne a choisi elle-même son identifiant et son mot de passe.' }]);
    expect(JSON.stringify(logged)).not.toContain(password);
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 2 * MIN));
    expect(summary.nextSteps[0]).toContain('Ne communiquez jamais votre mot de passe');
  });

  test('FS-2, FS-3: the activation of a profile outside the visit is refused, even with the right code', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const stranger = await aPendingPerson(db);
    const inVisit = await visitFor(advisor, person, new Date());
    await expect(startAssistedActivation(db, inVisit, { nir: stranger.nir, vitaleSerial: stranger.vitaleSerial, birthDate: stranger.birthDate, code: stranger.code }, new Date()))
      .rejects.toThrow('ce profil n’est pas couvert par l’accompagnement en cours');
    expect((await tracesOf(stranger.profileId, 'profile.activate')).map((t) => t.reason)).toEqual(['advisor-not-covered']);
  });

  test('FS-3: the summary is the visit’s own advisor’s, and not printable long after the end', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const t0 = new Date();
    const inVisit = await visitFor(advisor, person, t0);
    await endVisit(db, inVisit, new Date(t0.getTime() + 5 * MIN));
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 6 * MIN));
    expect(summary).toMatchObject({ advisorFirstName: 'Lucie', personFirstName: 'Camille', siteName: advisor.siteName, actions: [] });
    await expect(visitSummary(db, await anAdvisor(), inVisit.visit.id, new Date(t0.getTime() + 6 * MIN))).rejects.toBeInstanceOf(NotFoundError);
    await expect(visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 36 * MIN))).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('FS-4: even within an active visit, nothing medical and nothing outside the visit', () => {
  test('FS-4: documents, profil médical, messages, agenda, measures, Mon histoire de santé and history details are refused and traced', async () => {
    const advisor = await anAdvisor();
    const patient = await anActivePatient(db);
    const now = new Date();
    const inVisit = await visitFor(advisor, patient, now);
    const id = patient.profileId;
    const attempts: [string, () => Promise<unknown>][] = [
      ['documents', () => listDocuments(db, inVisit, id, {}, now)],
      ['profil médical', () => readMedicalProfile(db, inVisit, id, now)],
      ['messages', () => listConversations(db, inVisit, { profileId: id }, now)],
      ['agenda', () => listAgenda(db, inVisit, { profileId: id, when: 'upcoming' }, now)],
      ['mesures', () => measuresOverview(db, inVisit, id, now)],
      ['histoire de santé', () => listCareEpisodes(db, inVisit, id, {}, now)],
      ['historique', () => listHistory(db, inVisit, { profileId: id, tab: 'tout' }, now)],
    ];
    for (const [what, attempt] of attempts) {
      await expect(attempt(), what).rejects.toThrow('les conseillers France Services n’accèdent jamais au contenu médical (FS-4)');
    }
    const refused = await db.selectFrom('access_events').select(['reason', 'mode', 'site_id']).where('profile_id', '=', id)
      .where('actor_id', '=', advisor.staffId).where('outcome', '=', 'DENIED').execute();
    expect(refused.length).toBeGreaterThanOrEqual(attempts.length);
    for (const r of refused) expect(r).toEqual({ reason: 'advisor-no-medical', mode: 'ASSISTED', site_id: advisor.siteId });
  });

  test('FS-2: a profile not covered by the visit (a guessed id) is refused, traced on that profile', async () => {
    const advisor = await anAdvisor();
    const person = await aPendingPerson(db);
    const stranger = await aPendingPerson(db);
    const inVisit = await visitFor(advisor, person, new Date());
    await expect(sendCodeInVisit(db, inVisit, stranger.profileId, new Date())).rejects.toThrow('ce profil n’est pas couvert par l’accompagnement en cours');
    await expect(opposeInVisit(db, inVisit, [stranger.profileId], new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(sendCodeInVisit(db, inVisit, randomUUID(), new Date())).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.selectFrom('profiles').select('state').where('id', '=', stranger.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'PENDING' });
    expect((await tracesOf(stranger.profileId, 'profile.code.reissue')).map((t) => t.reason)).toEqual(['advisor-not-covered']);
    expect((await tracesOf(stranger.profileId, 'profile.oppose')).map((t) => t.reason)).toEqual(['advisor-not-covered']);
  });
});

describe('FS-3, CLO-2, CLO-5: closure or deletion request with the person present', () => {
  const closureMails = (to: string) => db.selectFrom('outbox').select(sql<boolean>`(payload->'data'->>'deletion')::boolean`.as('deletion'))
    .where(sql<string>`payload->>'template'`, '=', 'closure').where(sql<string>`payload->>'to'`, '=', to.toLowerCase()).execute();

  test('FS-3, CLO-3, CLO-5, CLO-8: the person closes their own profile with deletion; the represented child stays open; traced ASSISTED; the summary says what follows', async () => {
    const advisor = await anAdvisor();
    const parent = await anActivePatient(db);
    const child = await aPendingPerson(db, new Date(), { firstNames: 'Léo' });
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', child.profileId).execute();
    await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: child.profileId, role: 'PARENT_PRINCIPAL',
      granted_at: new Date(), revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const t0 = new Date();
    const inVisit = await visitFor(advisor, parent, t0);
    const at = new Date(t0.getTime() + MIN);
    await closeInVisit(db, inVisit, { profileId: parent.profileId, deleteData: true }, at);

    const closed = await db.selectFrom('profiles').select(['state', 'closure_reason', 'purge_due_on']).where('id', '=', parent.profileId).executeTakeFirstOrThrow();
    expect(closed).toEqual({ state: 'DELETION_REQUESTED', closure_reason: 'SUPPORT', purge_due_on: purgeDueOn(at) });
    expect(await db.selectFrom('profiles').select('state').where('id', '=', child.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'CREATED' });
    for (const action of ['profile.close', 'profile.deletion-request']) {
      expect(await tracesOf(parent.profileId, action)).toEqual([{ actor_type: 'SUPPORT', actor_role: 'ADVISOR', site_id: advisor.siteId, mode: 'ASSISTED', outcome: 'OK', reason: null }]);
    }
    expect(await closureMails(parent.email)).toEqual([{ deletion: true }]);
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 2 * MIN));
    expect(summary.actions).toEqual([expect.objectContaining({ label: 'Profil fermé', detail: 'Profil fermé, avec la suppression des données demandée.' })]);
    expect(summary.nextSteps[0]).toContain('plus personne n’y a accès');
  });

  test('FS-3, CLO-5: a closed profile’s archive: deletion requested, purge due at +30 days; asked again, the lifecycle refuses and nothing changes', async () => {
    const advisor = await anAdvisor();
    const person = await anActivePatient(db);
    await closeProfile(db, holderActor(person), { profileId: person.profileId, deleteData: false }, new Date(Date.now() - 40 * 24 * 60 * MIN));
    const t0 = new Date();
    const inVisit = await visitFor(advisor, person, t0);
    expect((await visitProfiles(db, inVisit)).map((p) => p.state)).toEqual(['CLOSED']);
    await requestDeletionInVisit(db, inVisit, person.profileId, t0);
    expect(await db.selectFrom('profiles').select(['state', 'purge_due_on']).where('id', '=', person.profileId).executeTakeFirstOrThrow())
      .toEqual({ state: 'DELETION_REQUESTED', purge_due_on: purgeDueOn(t0) });
    expect(await closureMails(person.email)).toEqual([{ deletion: false }, { deletion: true }]);
    await expect(requestDeletionInVisit(db, inVisit, person.profileId, new Date(t0.getTime() + MIN))).rejects.toBeInstanceOf(TransitionRefusedError);
    expect((await tracesOf(person.profileId, 'profile.deletion-request')).map((t) => [t.mode, t.outcome])).toEqual([['ASSISTED', 'OK'], ['ASSISTED', 'DENIED']]);
    const summary = await visitSummary(db, advisor, inVisit.visit.id, new Date(t0.getTime() + 2 * MIN));
    expect(summary.actions.map((a) => a.label)).toEqual(['Suppression des données demandée']);
  });

  test('FS-2: closing a profile outside the visit (a guessed id) is refused, traced on it, and it stays open', async () => {
    const advisor = await anAdvisor();
    const person = await anActivePatient(db);
    const stranger = await anActivePatient(db);
    const inVisit = await visitFor(advisor, person, new Date());
    await expect(closeInVisit(db, inVisit, { profileId: stranger.profileId, deleteData: true }, new Date())).rejects.toThrow('ce profil n’est pas couvert par l’accompagnement en cours');
    await expect(requestDeletionInVisit(db, inVisit, stranger.profileId, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.selectFrom('profiles').select('state').where('id', '=', stranger.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'ACTIVE' });
    expect((await tracesOf(stranger.profileId, 'profile.close')).map((t) => t.reason)).toEqual(['advisor-not-covered']);
    expect((await tracesOf(stranger.profileId, 'profile.deletion-request')).map((t) => t.reason)).toEqual(['advisor-not-covered']);
    // Without a visit, an advisor cannot close anything either.
    await expect(closeProfile(db, advisor, { profileId: person.profileId, deleteData: false }, new Date())).rejects.toThrow('n’agit qu’au cours d’un accompagnement');
  });

  test('CLO-5, BO-6: an agent records a deletion request by phone for a closed profile; an active one is refused (close it first)', async () => {
    const agent = await aStaffMember(db);
    const closed = await anActivePatient(db);
    await closeProfile(db, holderActor(closed), { profileId: closed.profileId, deleteData: false }, new Date());
    await requestDeletion(db, agent, closed.profileId, new Date());
    expect(await db.selectFrom('profiles').select('state').where('id', '=', closed.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'DELETION_REQUESTED' });
    expect((await db.selectFrom('access_events').select(['channel', 'actor_type']).where('profile_id', '=', closed.profileId).where('action', '=', 'profile.deletion-request').execute()))
      .toEqual([{ channel: 'BACKOFFICE', actor_type: 'SUPPORT' }]);
    const active = await anActivePatient(db);
    await expect(requestDeletion(db, agent, active.profileId, new Date())).rejects.toBeInstanceOf(TransitionRefusedError);
    expect(await db.selectFrom('profiles').select('state').where('id', '=', active.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'ACTIVE' });
  });
});
