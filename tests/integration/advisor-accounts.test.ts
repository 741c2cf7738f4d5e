import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { StaffActor } from '@/lib/access/actor';
import { redeemTicket } from '@/lib/auth/login-tickets';
import { completeLogin, startLogin } from '@/lib/auth/password-login';
import { unseal } from '@/lib/auth/secrets';
import { staffSession } from '@/lib/auth/session';
import { createAdvisor } from '@/lib/france-services/create-advisor';
import { deactivateAdvisor } from '@/lib/france-services/deactivate-advisor';
import { listAdvisors } from '@/lib/france-services/list-advisors';
import { reactivateAdvisor } from '@/lib/france-services/reactivate-advisor';
import { resetAdvisor } from '@/lib/france-services/reset-advisor';
import { checkPasswordLink, setAdvisorPassword } from '@/lib/france-services/set-advisor-password';
import { aStaffMember } from '../factories';
import { emailsTo, latestEmail, latestOtp } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());

const HOUR = 3600_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const PASSWORD = 'Tournesol-Bleu-42';

let supervisor: StaffActor;
let agent: StaffActor;
let siteId: string;
let otherSiteId: string;

async function aSite(name: string) {
  const row = await db.insertInto('france_services_sites').values({ name, commune: 'Guéret', departement: '23' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  supervisor = await aStaffMember(db, 'SUPERVISOR');
  agent = await aStaffMember(db, 'AGENT');
  const run = randomInt(1e9);
  siteId = await aSite(`France Services de Guéret ${run}`);
  otherSiteId = await aSite(`France Services d’Aubusson ${run}`);
});

const anEmail = (prefix = 'conseiller') => `${prefix}.${randomInt(1e9)}@france-services.test`;

async function aCreatedAdvisor(now: Date, over: Partial<{ email: string; siteId: string; familyName: string }> = {}) {
  const email = over.email ?? anEmail();
  const { id } = await createAdvisor(db, supervisor, { givenName: 'Lucie', familyName: over.familyName ?? 'Moreau', email, siteId: over.siteId ?? siteId }, now);
  return { id, email: email.toLowerCase() };
}

/** The clear token of the latest link emailed to `email`: it travels sealed beside the email until sending. */
async function linkToken(email: string): Promise<string> {
  const row = await latestEmail(db, email, 'advisor-account');
  if (!row?.sealed) throw new Error(`no advisor-account email for ${email}`);
  return (JSON.parse(unseal(row.sealed)) as { token: string }).token;
}

async function loginAsAdvisor(identifiant: string, password: string, now: Date) {
  const { challengeId, email } = await startLogin(db, 'advisor', { identifiant, password }, now);
  const ticket = await completeLogin(db, 'advisor', { challengeId, otp: await latestOtp(db, email) }, at(now, 1000));
  return redeemTicket(db, ticket, at(now, 2000));
}

async function traces(targetId: string) {
  return db.selectFrom('access_events').select(['action', 'actor_type', 'actor_id', 'actor_role', 'outcome', 'reason', 'channel', 'site_id'])
    .where('target_id', '=', targetId).orderBy('id').execute();
}

async function anActiveAdvisor(now: Date) {
  const a = await aCreatedAdvisor(now);
  await setAdvisorPassword(db, { token: await linkToken(a.email), password: PASSWORD, confirmation: PASSWORD }, at(now, HOUR));
  return a;
}

describe('FS-1: a supervisor creates an advisor, who chooses a password through the emailed link, then logs in with password + OTP', () => {
  test('FS-1: create → « Votre compte conseiller France Services » with a link → password chosen → password + OTP login → advisor session on their site; all traced', async () => {
    const now = new Date();
    const { id, email } = await aCreatedAdvisor(now, { email: anEmail('Lucie.Moreau').replace('Lucie', 'LUCIE') });
    const mail = await latestEmail(db, email, 'advisor-account');
    expect(mail?.payload).toMatchObject({ template: 'advisor-account', to: email, data: { purpose: 'invite', identifiant: email, name: 'Lucie MOREAU' } });
    // The token never sits in clear in the outbox payload nor in the database.
    const token = await linkToken(email);
    expect(JSON.stringify(mail?.payload)).not.toContain(token);
    expect(await db.selectFrom('staff_password_tokens').select('id').where('token_hash', '=', token).executeTakeFirst()).toBeUndefined();

    // Invited: no password works yet, and no session could resolve.
    await expect(startLogin(db, 'advisor', { identifiant: email, password: PASSWORD }, now)).rejects.toMatchObject({ code: 'login.bad-credentials' });
    expect(await staffSession(db, id)).toBeNull();

    expect(await checkPasswordLink(db, token, at(now, HOUR))).toEqual({ staffId: id, identifiant: email, displayName: 'Lucie MOREAU' });
    await setAdvisorPassword(db, { token, password: PASSWORD, confirmation: PASSWORD }, at(now, HOUR));

    const session = await loginAsAdvisor(email, PASSWORD, at(now, 2 * HOUR));
    expect(session).toEqual({ audience: 'advisor', subjectId: id });
    expect(await staffSession(db, id)).toEqual({ audience: 'advisor', actor: { kind: 'ADVISOR', staffId: id, siteId, name: 'Lucie MOREAU' } });
    const row = await db.selectFrom('staff_users').select(['last_login_at', 'created_by', 'kind', 'site_id']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ last_login_at: at(now, 2 * HOUR + 1000), created_by: supervisor.staffId, kind: 'ADVISOR', site_id: siteId });

    expect(await traces(id)).toEqual([
      { action: 'advisor.create', actor_type: 'SUPPORT', actor_id: supervisor.staffId, actor_role: 'SUPERVISOR', outcome: 'OK', reason: null, channel: 'BACKOFFICE', site_id: null },
      { action: 'advisor.password.set', actor_type: 'SUPPORT', actor_id: id, actor_role: 'ADVISOR', outcome: 'OK', reason: null, channel: 'WEB', site_id: siteId },
    ]);
  });

  test('FS-1: a used link is refused with a French message; an expired one (72 h) too; a forged one too', async () => {
    const now = new Date();
    const used = await aCreatedAdvisor(now);
    const token = await linkToken(used.email);
    await setAdvisorPassword(db, { token, password: PASSWORD, confirmation: PASSWORD }, now);
    await expect(setAdvisorPassword(db, { token, password: 'Autre-Secret-2027', confirmation: 'Autre-Secret-2027' }, at(now, 1000)))
      .rejects.toMatchObject({ code: 'advisor.link-used', message: expect.stringMatching(/^Ce lien a déjà servi/) });

    const late = await aCreatedAdvisor(now);
    const lateToken = await linkToken(late.email);
    expect(await checkPasswordLink(db, lateToken, at(now, 72 * HOUR - 1000))).toMatchObject({ staffId: late.id });
    await expect(checkPasswordLink(db, lateToken, at(now, 72 * HOUR)))
      .rejects.toMatchObject({ code: 'advisor.link-expired', message: 'Ce lien a expiré : il est valable 72 heures. Demandez un nouveau lien à votre référent de l’Assurance Maladie.' });
    await expect(setAdvisorPassword(db, { token: lateToken, password: PASSWORD, confirmation: PASSWORD }, at(now, 73 * HOUR)))
      .rejects.toMatchObject({ code: 'advisor.link-expired' });

    await expect(checkPasswordLink(db, 'jeton-invente', now)).rejects.toMatchObject({ code: 'advisor.link-unknown' });
  });

  test('FS-1, ACT-8: the password rules apply (French messages on the field); a mismatched confirmation is refused; the link stays usable', async () => {
    const now = new Date();
    const a = await aCreatedAdvisor(now);
    const token = await linkToken(a.email);
    await expect(setAdvisorPassword(db, { token, password: 'court', confirmation: 'court' }, now))
      .rejects.toMatchObject({ field: 'password', message: expect.stringContaining('Le mot de passe doit comporter entre 9 et 128 caractères.') });
    await expect(setAdvisorPassword(db, { token, password: 'Moreau-Secret-2026', confirmation: 'Moreau-Secret-2026' }, now))
      .rejects.toMatchObject({ field: 'password', message: 'Le mot de passe ne doit pas contenir votre nom de naissance.' });
    await expect(setAdvisorPassword(db, { token, password: PASSWORD, confirmation: `${PASSWORD}x` }, now))
      .rejects.toMatchObject({ field: 'passwordConfirmation', message: 'Les deux mots de passe saisis sont différents.' });
    await setAdvisorPassword(db, { token, password: PASSWORD, confirmation: PASSWORD }, now);
  });

  test('FS-1: an email already used by a staff account is refused on its field, whatever its case; a site must exist', async () => {
    const now = new Date();
    const a = await aCreatedAdvisor(now);
    await expect(aCreatedAdvisor(now, { email: a.email.toUpperCase() }))
      .rejects.toMatchObject({ code: 'advisor.email-taken', field: 'email', message: expect.stringMatching(/^Un compte utilise déjà cette adresse/) });
    const staffRow = await db.selectFrom('staff_users').select('email').where('id', '=', agent.staffId).executeTakeFirstOrThrow();
    await expect(aCreatedAdvisor(now, { email: staffRow.email })).rejects.toMatchObject({ code: 'advisor.email-taken' });
    await expect(aCreatedAdvisor(now, { siteId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'advisor.unknown-site', field: 'siteId' });
    await expect(aCreatedAdvisor(now, { email: 'pas-une-adresse' })).rejects.toMatchObject({ field: 'email' });
  });
});

describe('FS-1: deactivation takes effect at once', () => {
  test('FS-1: a deactivated advisor has no session any more, is refused at login with a French message after the right password, and pending links die', async () => {
    const now = new Date();
    const a = await anActiveAdvisor(now);
    expect(await loginAsAdvisor(a.email, PASSWORD, at(now, 2 * HOUR))).toMatchObject({ audience: 'advisor' });
    // A login half-way (code sent, not typed yet) when the supervisor deactivates.
    const pending = await startLogin(db, 'advisor', { identifiant: a.email, password: PASSWORD }, at(now, 3 * HOUR));
    await deactivateAdvisor(db, supervisor, { id: a.id }, at(now, 3 * HOUR + 1000));

    expect(await staffSession(db, a.id)).toBeNull();
    await expect(startLogin(db, 'advisor', { identifiant: a.email, password: PASSWORD }, at(now, 4 * HOUR))).rejects.toMatchObject({
      code: 'login.deactivated', message: 'Votre compte de conseiller France Services est désactivé. Adressez-vous à votre référent de l’Assurance Maladie.',
    });
    await expect(completeLogin(db, 'advisor', { challengeId: pending.challengeId, otp: await latestOtp(db, a.email) }, at(now, 4 * HOUR)))
      .rejects.toMatchObject({ code: 'otp.void' });
    // A wrong password tells nothing about the state.
    await expect(startLogin(db, 'advisor', { identifiant: a.email, password: 'Pas-Le-Bon-9!' }, at(now, 4 * HOUR))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    await expect(deactivateAdvisor(db, supervisor, { id: a.id }, at(now, 5 * HOUR))).rejects.toMatchObject({ code: 'advisor.already-deactivated' });
    await expect(resetAdvisor(db, agent, { id: a.id }, at(now, 5 * HOUR))).rejects.toMatchObject({ code: 'advisor.deactivated' });

    const refused = await db.selectFrom('access_events').select(['outcome', 'reason']).where('action', '=', 'account.login')
      .where('actor_id', '=', a.id).orderBy('id', 'desc').limit(2).execute();
    expect(refused).toContainEqual({ outcome: 'DENIED', reason: 'account-deactivated' });

    await reactivateAdvisor(db, supervisor, { id: a.id }, at(now, 6 * HOUR));
    expect(await loginAsAdvisor(a.email, PASSWORD, at(now, 7 * HOUR))).toMatchObject({ audience: 'advisor', subjectId: a.id });
    expect((await traces(a.id)).map((t) => t.action)).toEqual(['advisor.create', 'advisor.password.set', 'advisor.deactivate', 'advisor.reactivate']);
  });

  test('FS-1: deactivating an invited advisor voids their link', async () => {
    const now = new Date();
    const a = await aCreatedAdvisor(now);
    const token = await linkToken(a.email);
    await deactivateAdvisor(db, supervisor, { id: a.id }, now);
    await expect(checkPasswordLink(db, token, at(now, 1000))).rejects.toMatchObject({ code: 'advisor.link-void' });
  });
});

describe('FS-1: reset voids the password and sends a new link', () => {
  test('FS-1: after a reset the old password and the old session are refused, the lockout is lifted, and the new link sets a new password', async () => {
    const now = new Date();
    const a = await anActiveAdvisor(now);
    // Five wrong passwords lock the account (ACT-12).
    for (let i = 0; i < 5; i++) {
      await startLogin(db, 'advisor', { identifiant: a.email, password: 'Pas-Le-Bon-9!' }, at(now, 2 * HOUR + i * 1000)).catch(() => undefined);
    }
    await expect(startLogin(db, 'advisor', { identifiant: a.email, password: PASSWORD }, at(now, 2 * HOUR + 10_000))).rejects.toMatchObject({ code: 'login.locked' });

    await resetAdvisor(db, agent, { id: a.id }, at(now, 3 * HOUR));
    expect(await staffSession(db, a.id)).toBeNull();
    await expect(startLogin(db, 'advisor', { identifiant: a.email, password: PASSWORD }, at(now, 3 * HOUR + 1000))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    const sent = await emailsTo(db, a.email, 'advisor-account');
    expect(sent.map((m) => (m.payload as { data: { purpose: string } }).data.purpose)).toEqual(['invite', 'reset']);

    const token = await linkToken(a.email);
    await setAdvisorPassword(db, { token, password: 'Nouveau-Secret-2027', confirmation: 'Nouveau-Secret-2027' }, at(now, 4 * HOUR));
    expect(await loginAsAdvisor(a.email, 'Nouveau-Secret-2027', at(now, 5 * HOUR))).toMatchObject({ subjectId: a.id });
    // A session opened before the reset stays closed with the new password; one opened after it is good.
    expect(await staffSession(db, a.id, at(now, HOUR).getTime())).toBeNull();
    expect(await staffSession(db, a.id, at(now, 5 * HOUR).getTime())).toMatchObject({ audience: 'advisor' });
    await expect(startLogin(db, 'advisor', { identifiant: a.email, password: PASSWORD }, at(now, 6 * HOUR))).rejects.toMatchObject({ code: 'login.bad-credentials' });
    expect((await traces(a.id)).at(-2)).toMatchObject({ action: 'advisor.reset', actor_id: agent.staffId, actor_role: 'AGENT', outcome: 'OK' });
  });

  test('FS-1: a new link voids the previous one', async () => {
    const now = new Date();
    const a = await aCreatedAdvisor(now);
    const first = await linkToken(a.email);
    await resetAdvisor(db, agent, { id: a.id }, at(now, 1000));
    await expect(checkPasswordLink(db, first, at(now, 2000))).rejects.toMatchObject({ code: 'advisor.link-void' });
    expect(await checkPasswordLink(db, await linkToken(a.email), at(now, 2000))).toMatchObject({ staffId: a.id });
  });
});

describe('FS-1, BO: who may manage advisor accounts', () => {
  test('FS-1: an agent is refused creation, deactivation and reactivation (supervisors only), traced as refused; an advisor is refused everything', async () => {
    const now = new Date();
    const a = await anActiveAdvisor(now);
    const supervisorOnly = 'Accès refusé : seul un superviseur peut créer, désactiver ou réactiver un compte de conseiller France Services (FS-1).';
    await expect(createAdvisor(db, agent, { givenName: 'Paul', familyName: 'Durand', email: anEmail(), siteId }, now)).rejects.toMatchObject({ message: supervisorOnly });
    await expect(deactivateAdvisor(db, agent, { id: a.id }, now)).rejects.toMatchObject({ message: supervisorOnly });
    await expect(reactivateAdvisor(db, agent, { id: a.id }, now)).rejects.toMatchObject({ message: supervisorOnly });
    expect(await staffSession(db, a.id)).not.toBeNull();
    const denied = await db.selectFrom('access_events').select(['action', 'outcome', 'reason']).where('actor_id', '=', agent.staffId)
      .where('action', 'in', ['advisor.create', 'advisor.deactivate', 'advisor.reactivate']).execute();
    expect(denied).toEqual(expect.arrayContaining([
      { action: 'advisor.create', outcome: 'DENIED', reason: 'supervisor-only-advisors' },
      { action: 'advisor.deactivate', outcome: 'DENIED', reason: 'supervisor-only-advisors' },
    ]));

    const advisorActor = (await staffSession(db, a.id))!.actor;
    await expect(listAdvisors(db, advisorActor, {}, now)).rejects.toMatchObject({ code: 'access.denied' });
    await expect(resetAdvisor(db, advisorActor, { id: a.id }, now)).rejects.toMatchObject({ code: 'access.denied' });
  });
});

describe('FS-1: the back-office list', () => {
  test('FS-1: filtered by site, ordered by name, paged with a keyset cursor; states invited, active, deactivated', async () => {
    const now = new Date();
    const site = await aSite(`France Services de Bourganeuf ${randomInt(1e9)}`);
    const names = Array.from({ length: 27 }, (_, i) => `Agent${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);
    const ids: string[] = [];
    for (const familyName of names) ids.push((await aCreatedAdvisor(now, { siteId: site, familyName })).id);
    await deactivateAdvisor(db, supervisor, { id: ids[1]! }, now);

    const first = await listAdvisors(db, agent, { siteId: site }, now);
    expect(first.items).toHaveLength(25);
    expect(first.items.map((i) => i.siteId)).toEqual(Array(25).fill(site));
    expect(first.items[0]).toMatchObject({ name: 'Lucie AGENTAA', state: 'INVITED', lastLoginAt: null });
    expect(first.items[1]).toMatchObject({ name: 'Lucie AGENTAB', state: 'DEACTIVATED' });
    const second = await listAdvisors(db, agent, { siteId: site, after: first.nextCursor }, now);
    expect(second.items.map((i) => i.name)).toEqual(['Lucie AGENTAZ', 'Lucie AGENTBA']);
    expect(second.nextCursor).toBeUndefined();

    const elsewhere = await listAdvisors(db, agent, { siteId: otherSiteId }, now);
    expect(elsewhere.items.some((i) => ids.includes(i.id))).toBe(false);
  });
});
