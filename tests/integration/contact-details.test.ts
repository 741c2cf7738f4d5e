import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { AdvisorActor } from '@/lib/access/actor';
import { confirmContactChange, contactDetails, removeMobile, startContactChange } from '@/lib/accounts/change-contact';
import { unseal } from '@/lib/auth/secrets';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { confirmContactInVisit } from '@/lib/france-services/visits/assisted-actions';
import { requireActiveVisit } from '@/lib/france-services/visits/guard';
import { startVisit } from '@/lib/france-services/visits/start-visit';
import { anActivePatient, holderActor } from '../factories';
import { emailsTo, latestOtp } from '../support/outbox';

/** « Mes coordonnées » (NOT-4, ACT-9) and FS-3: a new email or mobile, confirmed by a code sent to it. */
const db = getDb();
afterAll(() => closeDb());

const newEmail = () => `nouvelle.${randomUUID().slice(0, 8)}@exemple.test`;
const newMobile = () => `07${String(randomInt(1e8)).padStart(8, '0')}`;
/** The SMS code travels sealed beside the SMS until it is sent. */
async function smsCode(to: string): Promise<string> {
  const row = await db.selectFrom('outbox').select('sealed').where('kind', '=', 'sms').where(sql<string>`payload->>'to'`, '=', to)
    .orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  return (JSON.parse(unseal(row.sealed!)) as { code: string }).code;
}
const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'target_type', 'target_id', 'mode', 'actor_role', 'site_id'])
  .where('profile_id', '=', profileId).where('action', '=', 'account.contact').orderBy('id').execute();
const securityNotices = async (to: string) => (await emailsTo(db, to, 'notification'))
  .filter((m) => (m.payload as { data?: { kind?: string } }).data?.kind === 'SECURITY');

describe('NOT-4, ACT-9: a new email is confirmed by a code sent to it', () => {
  test('the code goes to the new address; once typed, the address changes, the former one is told, and it is traced', async () => {
    const p = await anActivePatient(db);
    const actor = holderActor(p);
    const email = newEmail();
    const { challengeId, sentTo } = await startContactChange(db, actor, { channel: 'EMAIL', value: ` ${email.toUpperCase()} `, password: p.password }, new Date());
    expect(sentTo).toBe(email.replace(/^(.).*(@.*)$/, '$1•••$2'));
    expect((await contactDetails(db, actor, new Date())).email).toBe(p.email); // nothing changes before the code

    await confirmContactChange(db, actor, { channel: 'EMAIL', challengeId, otp: await latestOtp(db, email) }, new Date());
    const account = await db.selectFrom('accounts').select(['email', 'email_verified_at']).where('id', '=', p.accountId).executeTakeFirstOrThrow();
    expect(account.email).toBe(email);
    expect(account.email_verified_at).not.toBeNull();
    expect(await securityNotices(p.email)).toHaveLength(1); // NOT-4: the former address hears of it
    expect(await traces(p.profileId)).toEqual([expect.objectContaining({ outcome: 'OK', target_type: 'account-email', target_id: 'changed', mode: 'NORMAL' })]);
  });

  test('a wrong code is counted and changes nothing; an invalid address or the same one is refused on its field', async () => {
    const p = await anActivePatient(db);
    const actor = holderActor(p);
    const email = newEmail();
    const { challengeId } = await startContactChange(db, actor, { channel: 'EMAIL', value: email, password: p.password }, new Date());
    const otp = await latestOtp(db, email);
    const wrong = otp === '000000' ? '111111' : '000000';
    await expect(confirmContactChange(db, actor, { channel: 'EMAIL', challengeId, otp: wrong }, new Date()))
      .rejects.toMatchObject({ field: 'otp', message: 'Code incorrect. Il vous reste 4 essais.' });
    await expect(confirmContactChange(db, actor, { channel: 'EMAIL', challengeId: 'pas-un-code', otp }, new Date())).rejects.toMatchObject({ field: 'otp' });
    expect((await contactDetails(db, actor, new Date())).email).toBe(p.email);
    await expect(startContactChange(db, actor, { channel: 'EMAIL', value: 'marie.exemple.fr' }, new Date()))
      .rejects.toMatchObject({ constructor: ValidationError, field: 'email', message: expect.stringContaining('adresse électronique valide') });
    await expect(startContactChange(db, actor, { channel: 'EMAIL', value: p.email.toUpperCase() }, new Date()))
      .rejects.toMatchObject({ field: 'email', message: expect.stringContaining('déjà l’adresse') });
  });

  test('a code sent for another account is refused before it is tried, traced, and stays usable by its owner', async () => {
    const [a, b] = await Promise.all([anActivePatient(db), anActivePatient(db)]);
    const email = newEmail();
    const { challengeId } = await startContactChange(db, holderActor(a), { channel: 'EMAIL', value: email, password: a.password }, new Date());
    const otp = await latestOtp(db, email);
    await expect(confirmContactChange(db, holderActor(b), { channel: 'EMAIL', challengeId, otp }, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await traces(b.profileId)).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'other-account' })]);
    expect((await contactDetails(db, holderActor(b), new Date())).email).toBe(b.email);
    await confirmContactChange(db, holderActor(a), { channel: 'EMAIL', challengeId, otp }, new Date());
    expect((await contactDetails(db, holderActor(a), new Date())).email).toBe(email);
  });
});

describe('ACT-13: the holder confirms a change of email or mobile with their password', () => {
  test('ACT-13, ACT-12: a missing or wrong password is told on the form’s password field, counted like a login, nothing is sent', async () => {
    const p = await anActivePatient(db);
    const actor = holderActor(p);
    await expect(startContactChange(db, actor, { channel: 'EMAIL', value: newEmail() }, new Date()))
      .rejects.toMatchObject({ constructor: ValidationError, field: 'emailPassword', message: 'Le mot de passe actuel est incorrect.' });
    await expect(startContactChange(db, actor, { channel: 'MOBILE', value: newMobile(), password: 'Pas-le-bon-9!' }, new Date()))
      .rejects.toMatchObject({ field: 'mobilePassword' });
    await expect(removeMobile(db, actor, new Date(), 'Pas-le-bon-9!')).rejects.toMatchObject({ field: 'removeMobilePassword' });
    expect(await db.selectFrom('accounts').select('password_failures').where('id', '=', p.accountId).executeTakeFirstOrThrow()).toEqual({ password_failures: 3 });
    expect(await db.selectFrom('otp_challenges').select('id').where('subject_id', '=', p.accountId).where('purpose', 'in', ['CONTACT_EMAIL', 'CONTACT_MOBILE']).execute()).toEqual([]);
    expect((await traces(p.profileId)).map((t) => t.reason)).toEqual(['wrong-password', 'wrong-password', 'wrong-password']);
  });
});

describe('NOT-7, ACT-9: the mobile, confirmed by SMS', () => {
  test('a new mobile gets its code by SMS, is stored as +33… once confirmed; removing it needs no code, only the password (ACT-13); both traced', async () => {
    const p = await anActivePatient(db);
    const actor = holderActor(p);
    const mobile = newMobile();
    const stored = `+33${mobile.slice(1)}`;
    await expect(startContactChange(db, actor, { channel: 'MOBILE', value: '01 23 45 67 89' }, new Date()))
      .rejects.toMatchObject({ field: 'mobile', message: expect.stringContaining('numéro de mobile français') });
    const { challengeId, sentTo } = await startContactChange(db, actor, { channel: 'MOBILE', value: mobile.replace(/(\d\d)(?=\d)/g, '$1 '), password: p.password }, new Date());
    expect(sentTo).toBe(`•• •• •• •• ${mobile.slice(-2)}`);
    await confirmContactChange(db, actor, { channel: 'MOBILE', challengeId, otp: await smsCode(stored) }, new Date());
    expect((await contactDetails(db, actor, new Date())).mobile).toBe(stored);
    await removeMobile(db, actor, new Date(), p.password);
    expect((await contactDetails(db, actor, new Date())).mobile).toBeNull();
    expect((await traces(p.profileId)).map((t) => t.target_id)).toEqual(['changed', 'removed']);
    expect(await securityNotices(p.email)).toHaveLength(2);
  });
  test.each(['01 23 45 67 89', '06 12 34 56', 'mon numéro', '+44 7700 900123'])('"%s" is refused with a French message on the field, nothing sent', async (mobile) => {
    const p = await anActivePatient(db);
    await expect(startContactChange(db, holderActor(p), { channel: 'MOBILE', value: mobile }, new Date()))
      .rejects.toMatchObject({ constructor: ValidationError, field: 'mobile', message: expect.stringContaining('numéro de mobile français') });
    expect(await db.selectFrom('otp_challenges').select('id').where('subject_id', '=', p.accountId).where('purpose', '=', 'CONTACT_MOBILE').execute()).toEqual([]);
  });
});

describe('FS-3: contact details during an assisted visit', () => {
  async function anAdvisor(): Promise<AdvisorActor> {
    const tag = randomUUID().slice(0, 8);
    const site = await db.insertInto('france_services_sites').values({ name: `France Services de Guéret ${tag}`, commune: 'Guéret', departement: '23' })
      .returning('id').executeTakeFirstOrThrow();
    const staff = await db.insertInto('staff_users').values({ kind: 'ADVISOR', identifiant: `fs.${tag}`, password_hash: 'x', email: `fs.${tag}@fs.test`,
      display_name: 'Lucie Moreau', site_id: site.id, locked_until: null }).returning('id').executeTakeFirstOrThrow();
    return { kind: 'ADVISOR', staffId: staff.id, siteId: site.id, name: 'Lucie Moreau' };
  }

  test('the person types the code sent to their new address on the advisor’s screen: changed, traced ASSISTED with the site, in the visit’s summary', async () => {
    const advisor = await anAdvisor();
    const p = await anActivePatient(db);
    await expect(startContactChange(db, advisor, { channel: 'EMAIL', value: newEmail() }, new Date()))
      .rejects.toMatchObject({ constructor: AccessDeniedError, message: expect.stringContaining('accompagnement') });
    const now = new Date();
    await startVisit(db, advisor, { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, presenceConfirmed: true }, now);
    const inVisit = await requireActiveVisit(db, advisor, now);
    expect((await contactDetails(db, inVisit, now)).email).toBe(p.email);
    const email = newEmail();
    const { challengeId } = await startContactChange(db, inVisit, { channel: 'EMAIL', value: email }, now);
    await confirmContactInVisit(db, inVisit, { channel: 'EMAIL', challengeId, otp: await latestOtp(db, email) }, now);
    expect((await contactDetails(db, holderActor(p), now)).email).toBe(email);
    expect(await traces(p.profileId)).toEqual([expect.objectContaining({ outcome: 'OK', mode: 'ASSISTED', actor_role: 'ADVISOR', site_id: advisor.siteId })]);
    const logged = await db.selectFrom('assisted_visit_actions').select(['kind', 'detail']).where('visit_id', '=', inVisit.visit.id).execute();
    expect(logged).toEqual([{ kind: 'CONTACT', detail: `Nouvelle adresse électronique : ${email.replace(/^(.).*(@.*)$/, '$1•••$2')}.` }]);
  });
});
