import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { VisitActionKind } from '@/db/schema';
import type { StaffActor } from '@/lib/access/actor';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { createSite, getSite, listSitesWithAdvisors, SiteNameTakenError, updateSite } from '@/lib/france-services/manage-sites';
import { parsePeriod, siteActivity } from '@/lib/france-services/site-activity';
import { aPendingPerson, aStaffMember } from '../factories';

const db = getDb();
afterAll(() => closeDb());

let supervisor: StaffActor;
let agent: StaffActor;
const run = () => randomInt(1e9);

beforeAll(async () => {
  supervisor = await aStaffMember(db, 'SUPERVISOR');
  agent = await aStaffMember(db, 'AGENT');
});

async function traces(action: string, actorId: string) {
  return db.selectFrom('access_events').select(['action', 'actor_type', 'actor_role', 'outcome', 'reason', 'channel', 'target_id', 'profile_id'])
    .where('action', '=', action).where('actor_id', '=', actorId).orderBy('id').execute();
}

describe('FS-1: a supervisor creates and edits France Services sites', () => {
  test('FS-1: creation → listed with its commune, département and 0 active advisor; traced in the back-office', async () => {
    const now = new Date();
    const name = `France Services d’Aubusson ${run()}`;
    const { id } = await createSite(db, supervisor, { name: `  ${name} `, commune: 'Aubusson', departement: '23' }, now);
    const listed = (await listSitesWithAdvisors(db, agent, now)).find((s) => s.id === id);
    expect(listed).toEqual({ id, name, commune: 'Aubusson', departement: '23', activeAdvisors: 0 });
    expect(await traces('france-services-site.create', supervisor.staffId)).toContainEqual({
      action: 'france-services-site.create', actor_type: 'SUPPORT', actor_role: 'SUPERVISOR', outcome: 'OK', reason: null,
      channel: 'BACKOFFICE', target_id: id, profile_id: null,
    });
  });

  test('FS-1: the same name in the same commune is refused whatever its case; in another commune it is accepted', async () => {
    const now = new Date();
    const name = `France Services du Centre ${run()}`;
    await createSite(db, supervisor, { name, commune: 'Tulle', departement: '19' }, now);
    const again = createSite(db, supervisor, { name: name.toUpperCase(), commune: 'TULLE', departement: '19' }, now);
    await expect(again).rejects.toBeInstanceOf(SiteNameTakenError);
    await expect(again).rejects.toMatchObject({ field: 'name', message: expect.stringContaining('porte déjà ce nom à Tulle') });
    await expect(createSite(db, supervisor, { name: name.toLowerCase(), commune: 'Brive-la-Gaillarde', departement: '19' }, now)).resolves.toHaveProperty('id');
    expect((await listSitesWithAdvisors(db, agent, now)).filter((s) => s.name.toLowerCase() === name.toLowerCase())).toHaveLength(2);
  });

  test.each([
    ['2 digits', '7', false], ['not a département', '00', false], ['Corsica is 2A/2B, not 20', '20', false], ['beyond 95', '96', false],
    ['overseas beyond 976', '977', false], ['free text', 'Creuse', false],
    ['metropolitan', '01', true], ['metropolitan', '95', true], ['Corse-du-Sud, lower case', '2a', true], ['Haute-Corse', '2B', true],
    ['Guadeloupe', '971', true], ['Mayotte', '976', true],
  ])('FS-1: département code %s (%s) accepted: %s', async (_why, departement, ok) => {
    const attempt = createSite(db, supervisor, { name: `Espace ${run()}`, commune: 'Commune', departement }, new Date());
    if (ok) await expect(attempt).resolves.toHaveProperty('id');
    else await expect(attempt).rejects.toMatchObject({ constructor: ValidationError, field: 'departement', message: expect.stringMatching(/^(Saisissez un code de département valide|Le code 20 n’existe plus)/) });
  });

  test('FS-1: an agent sees the sites but may not create or edit one; each refusal is traced', async () => {
    const now = new Date();
    const { id } = await createSite(db, supervisor, { name: `France Services de Felletin ${run()}`, commune: 'Felletin', departement: '23' }, now);
    await expect(getSite(db, agent, id, now)).resolves.toMatchObject({ id, commune: 'Felletin' });
    await expect(createSite(db, agent, { name: `Espace ${run()}`, commune: 'Felletin', departement: '23' }, now))
      .rejects.toMatchObject({ constructor: AccessDeniedError, message: expect.stringMatching(/^Accès refusé : /) });
    await expect(updateSite(db, agent, { id, name: 'Renommé', commune: 'Felletin', departement: '23' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await traces('france-services-site.create', agent.staffId)).toContainEqual(expect.objectContaining({ outcome: 'DENIED', reason: 'supervisor-only-advisors', channel: 'BACKOFFICE' }));
    expect(await traces('france-services-site.update', agent.staffId)).toContainEqual(expect.objectContaining({ outcome: 'DENIED', reason: 'supervisor-only-advisors' }));
    expect((await getSite(db, agent, id, now)).name).toMatch(/^France Services de Felletin/);
  });

  test('FS-1: a supervisor renames a site (traced); renaming onto a site of the same commune is refused', async () => {
    const now = new Date();
    const n = run();
    const a = await createSite(db, supervisor, { name: `Espace A ${n}`, commune: 'Ussel', departement: '19' }, now);
    await createSite(db, supervisor, { name: `Espace B ${n}`, commune: 'Ussel', departement: '19' }, now);
    await updateSite(db, supervisor, { id: a.id, name: `Espace A rénové ${n}`, commune: 'Ussel', departement: '19' }, now);
    expect((await getSite(db, agent, a.id, now)).name).toBe(`Espace A rénové ${n}`);
    expect(await traces('france-services-site.update', supervisor.staffId)).toContainEqual(expect.objectContaining({ outcome: 'OK', target_id: a.id }));
    await expect(updateSite(db, supervisor, { id: a.id, name: `espace b ${n}`, commune: 'Ussel', departement: '19' }, now)).rejects.toBeInstanceOf(SiteNameTakenError);
    // Its own name, in another case, is not a clash with itself.
    await expect(updateSite(db, supervisor, { id: a.id, name: `ESPACE A RÉNOVÉ ${n}`, commune: 'Ussel', departement: '19' }, now)).resolves.toBeUndefined();
    await expect(getSite(db, agent, '00000000-0000-4000-8000-000000000000', now)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('FS-2, FS-3: a site’s activity over a period, aggregates only', () => {
  const MIN = 60_000;
  async function anAdvisor(siteId: string, name: string, active = true) {
    const n = run();
    const row = await db.insertInto('staff_users').values({
      kind: 'ADVISOR', identifiant: `conseiller.${n}@france-services.test`, password_hash: '!', email: `conseiller.${n}@france-services.test`,
      display_name: name, site_id: siteId, locked_until: null, password_set_at: active ? new Date() : null,
    }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }
  async function aVisit(v: { advisorId: string; siteId: string; profileId: string; startedAt: string; end?: 'ENDED' | 'EXPIRED' | null; actions?: VisitActionKind[] }) {
    const startedAt = new Date(v.startedAt);
    const expiresAt = new Date(startedAt.getTime() + 60 * MIN);
    const end = v.end === undefined ? 'ENDED' : v.end;
    const { id } = await db.insertInto('assisted_visits').values({
      advisor_id: v.advisorId, site_id: v.siteId, profile_id: v.profileId, started_at: startedAt, expires_at: expiresAt,
      ended_at: end === 'ENDED' ? new Date(startedAt.getTime() + 20 * MIN) : end === 'EXPIRED' ? expiresAt : null, end_reason: end, presence_confirmed: true,
    }).returning('id').executeTakeFirstOrThrow();
    for (const kind of v.actions ?? []) {
      await db.insertInto('assisted_visit_actions').values({ visit_id: id, profile_id: v.profileId, kind, detail: '', at: new Date(startedAt.getTime() + 5 * MIN) }).execute();
    }
  }

  test('FS-2, FS-3: March 2025 (Paris days): visits inside counted by how they ended, people once, actions by kind, per advisor; visits just outside and other sites’ visits not counted', async () => {
    const now = new Date('2025-06-01T10:00:00Z');
    const n = run();
    const site = await createSite(db, supervisor, { name: `Espace activité ${n}`, commune: 'Guéret', departement: '23' }, now);
    const other = await createSite(db, supervisor, { name: `Espace voisin ${n}`, commune: 'Guéret', departement: '23' }, now);
    const lucie = await anAdvisor(site.id, `Lucie MOREAU ${n}`);
    const paul = await anAdvisor(site.id, `Paul DURAND ${n}`);
    const stranger = await anAdvisor(other.id, `Zoé MARTIN ${n}`);
    await anAdvisor(site.id, `Invité SANSMOTDEPASSE ${n}`, false);
    const [camille, dominique, sacha] = await Promise.all([aPendingPerson(db), aPendingPerson(db), aPendingPerson(db)]);

    // Inside: 1 March 00:30 Paris (still 28 February in UTC) and 31 March 23:30 Paris (summer time, 21:30 UTC).
    await aVisit({ advisorId: lucie, siteId: site.id, profileId: camille.profileId, startedAt: '2025-02-28T23:30:00Z', actions: ['NEW_CODE', 'NOTIFICATIONS'] });
    await aVisit({ advisorId: lucie, siteId: site.id, profileId: camille.profileId, startedAt: '2025-03-10T09:00:00Z', end: 'EXPIRED', actions: ['NEW_CODE'] });
    await aVisit({ advisorId: paul, siteId: site.id, profileId: dominique.profileId, startedAt: '2025-03-31T21:30:00Z', end: null, actions: ['OPPOSITION'] });
    // Outside: 28 February 23:30 Paris, 1 April 00:10 Paris; and another site's visit inside the period.
    await aVisit({ advisorId: lucie, siteId: site.id, profileId: sacha.profileId, startedAt: '2025-02-28T22:30:00Z', actions: ['ACTIVATION'] });
    await aVisit({ advisorId: paul, siteId: site.id, profileId: sacha.profileId, startedAt: '2025-03-31T22:10:00Z', actions: ['CONTACT'] });
    await aVisit({ advisorId: stranger, siteId: other.id, profileId: sacha.profileId, startedAt: '2025-03-15T10:00:00Z', actions: ['CLOSURE'] });

    const activity = await siteActivity(db, agent, { siteId: site.id, period: { from: '2025-03-01', to: '2025-03-31' } }, now);
    // The visit left open past its 60 minutes counts as expired.
    expect(activity.visits).toEqual({ total: 3, ended: 1, expired: 2, ongoing: 0 });
    expect(activity.peopleHelped).toBe(2);
    expect(Object.fromEntries(activity.actions.map((a) => [a.kind, a.count]))).toEqual({
      NOTIFICATIONS: 1, NEW_CODE: 2, OPPOSITION: 1, ACTIVATION: 0, CONTACT: 0, CLOSURE: 0, DELETION: 0,
    });
    expect(activity.actions.find((a) => a.kind === 'NEW_CODE')?.label).toBe('Nouveau code provisoire envoyé');
    expect(activity.advisors).toEqual([
      { advisorId: lucie, name: `Lucie MOREAU ${n}`, visits: 2, peopleHelped: 1, actions: 3 },
      { advisorId: paul, name: `Paul DURAND ${n}`, visits: 1, peopleHelped: 1, actions: 1 },
    ]);
    // Aggregates only: nothing in the answer names or identifies a helped person.
    const text = JSON.stringify(activity);
    for (const p of [camille, dominique, sacha]) {
      expect(text).not.toContain(p.profileId);
      expect(text).not.toContain(p.nir);
    }
    expect(text).not.toContain('TESTEUR');

    // The listing counts the active advisors only (not the invited one).
    expect((await getSite(db, agent, site.id, now)).activeAdvisors).toBe(2);

    // At the time of the last visit, it is still ongoing; April holds only the visit started on 1 April (Paris).
    const during = await siteActivity(db, agent, { siteId: site.id, period: { from: '2025-03-01', to: '2025-03-31' } }, new Date('2025-03-31T21:45:00Z'));
    expect(during.visits).toEqual({ total: 3, ended: 1, expired: 1, ongoing: 1 });
    const april = await siteActivity(db, agent, { siteId: site.id, period: { from: '2025-04-01', to: '2025-04-30' } }, now);
    expect(april.visits.total).toBe(1);
    expect(april.advisors.map((a) => a.advisorId)).toEqual([paul]);
  });

  test('FS-2: the period defaults to the current month, Paris time; bad or too long periods are refused in French', async () => {
    // 31 January 23:30 UTC is already 1 February in Paris.
    expect(parsePeriod({}, new Date('2026-01-31T23:30:00Z'))).toEqual({ period: { from: '2026-02-01', to: '2026-02-28' }, errors: [] });
    expect(parsePeriod({ du: '2024-01-01', au: '2024-12-31' }, new Date()).errors).toEqual([]);
    expect(parsePeriod({ du: '2024-01-01', au: '2025-01-01' }, new Date()).errors).toEqual([{ field: 'au', message: 'La période ne peut pas dépasser 366 jours : choisissez une date de fin plus proche.' }]);
    expect(parsePeriod({ du: '2025-03-10', au: '2025-03-01' }, new Date()).errors[0]).toMatchObject({ field: 'au', message: expect.stringContaining('après la date de début') });
    expect(parsePeriod({ du: '2025-02-30', au: '' }, new Date()).errors.map((e) => e.field)).toEqual(['du', 'au']);
    const site = await createSite(db, supervisor, { name: `Espace période ${run()}`, commune: 'Guéret', departement: '23' }, new Date());
    await expect(siteActivity(db, agent, { siteId: site.id, period: { from: '2024-01-01', to: '2025-06-30' } }, new Date()))
      .rejects.toMatchObject({ constructor: ValidationError, field: 'au' });
    await expect(siteActivity(db, agent, { siteId: '00000000-0000-4000-8000-000000000000', period: { from: '2025-03-01', to: '2025-03-31' } }, new Date()))
      .rejects.toBeInstanceOf(NotFoundError);
  });
});
