import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { reissueCode, requestCodeOnline } from '@/lib/accounts/reissue-code';
import { startActivation } from '@/lib/accounts/start-activation';
import { unseal } from '@/lib/auth/secrets';
import { AccessDeniedError } from '@/lib/errors';
import { aPendingPerson, aStaffMember } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const HOUR = 3600_000;

async function lastNewCode(email: string) {
  const row = await db.selectFrom('outbox').select(['sealed', 'payload']).where('kind', '=', 'email')
    .where(sql<string>`payload->>'to'`, '=', email).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  expect((row.payload as { template: string }).template).toBe('new-code');
  return (JSON.parse(unseal(row.sealed!)) as { code: string }).code;
}

describe('BO-3, CMP-8: a new code provisoire from the back-office', () => {
  test('BO-3, CMP-7: the new code is emailed, works for activation and voids the previous one', async () => {
    const t0 = new Date();
    const person = await aPendingPerson(db, t0);
    const agent = await aStaffMember(db);
    await reissueCode(db, agent, person.profileId, new Date(t0.getTime() + 1000));
    const fresh = await lastNewCode(person.email);
    expect(fresh).not.toBe(person.code);
    const input = { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate };
    await expect(startActivation(db, { ...input, code: person.code }, new Date(t0.getTime() + 2000))).rejects.toMatchObject({ code: 'activation.code-expired' });
    await expect(startActivation(db, { ...input, code: fresh }, new Date(t0.getTime() + 3000))).resolves.toHaveProperty('enrolmentId');
    const trace = await db.selectFrom('access_events').select(['actor_type', 'outcome']).where('profile_id', '=', person.profileId)
      .where('action', '=', 'profile.code.reissue').execute();
    expect(trace).toEqual([{ actor_type: 'SUPPORT', outcome: 'OK' }]);
  });

  test('CMP-8: at most 3 codes per 24 hours, the notice’s code included; the 4th is refused and traced', async () => {
    const t0 = new Date();
    const person = await aPendingPerson(db, t0);
    const agent = await aStaffMember(db);
    await reissueCode(db, agent, person.profileId, new Date(t0.getTime() + HOUR));
    await reissueCode(db, agent, person.profileId, new Date(t0.getTime() + 2 * HOUR));
    await expect(reissueCode(db, agent, person.profileId, new Date(t0.getTime() + 3 * HOUR)))
      .rejects.toMatchObject({ code: 'code.cap', message: expect.stringContaining('24 heures') });
    const denied = await db.selectFrom('access_events').select('reason').where('profile_id', '=', person.profileId).where('outcome', '=', 'DENIED').execute();
    expect(denied).toEqual([{ reason: 'code-cap' }]);
    // A day after the first code, one more may be sent.
    await expect(reissueCode(db, agent, person.profileId, new Date(t0.getTime() + 24 * HOUR + 1000))).resolves.toMatchObject({ channel: 'EMAIL' });
  });

  test('BO-3: an activated profile gets no code, and an advisor cannot send one', async () => {
    const person = await aPendingPerson(db);
    await db.updateTable('profiles').set({ state: 'ACTIVE' }).where('id', '=', person.profileId).execute();
    await expect(reissueCode(db, await aStaffMember(db), person.profileId, new Date())).rejects.toMatchObject({ code: 'code.not-awaiting' });
    const other = await aPendingPerson(db);
    const advisor: Actor = { kind: 'ADVISOR', staffId: '00000000-0000-0000-0000-0000000000aa', siteId: '00000000-0000-0000-0000-0000000000bb', name: 'C' };
    await expect(reissueCode(db, advisor, other.profileId, new Date())).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('CMP-8 online: the carte Vitale and birth date identify; the code goes to the email on file; a mismatch reveals nothing', async () => {
    const person = await aPendingPerson(db);
    await expect(requestCodeOnline(db, { nir: person.nir, vitaleSerial: '99999999999', birthDate: person.birthDate }, new Date()))
      .rejects.toMatchObject({ code: 'code.identity' });
    await expect(requestCodeOnline(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: '1900-01-01' }, new Date()))
      .rejects.toMatchObject({ code: 'code.identity' });
    await requestCodeOnline(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate }, new Date());
    expect(await lastNewCode(person.email)).toMatch(/^[A-Z2-9]{8}$/);
    const trace = await db.selectFrom('access_events').select(['actor_type', 'channel']).where('profile_id', '=', person.profileId)
      .where('action', '=', 'profile.code.reissue').execute();
    expect(trace).toEqual([{ actor_type: 'PATIENT', channel: 'WEB' }]);
  });

  test('CMP-8 online: without an email on file the person is sent to ameli, the 3422 or France Services', async () => {
    const person = await aPendingPerson(db);
    await db.updateTable('profiles').set({ email: null }).where('id', '=', person.profileId).execute();
    await expect(requestCodeOnline(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate }, new Date()))
      .rejects.toMatchObject({ code: 'code.no-email', message: expect.stringContaining('France Services') });
  });

  test('OPP-9 online: a person who opposed ticks the box, the opposition is withdrawn (T14) and a working code is sent', async () => {
    const { opposeOnline } = await import('@/lib/oppositions/oppose');
    const person = await aPendingPerson(db);
    await opposeOnline(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, cardType: 'photo' }, [person.profileId], new Date());
    const identity = { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate };
    await expect(requestCodeOnline(db, identity, new Date())).rejects.toMatchObject({ code: 'code.opposed', field: 'withdrawOpposition' });
    await requestCodeOnline(db, { ...identity, withdrawOpposition: true }, new Date());
    expect((await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow()).state).toBe('CREATED');
    const opposition = await db.selectFrom('oppositions').select('withdrawn_at').where('profile_id', '=', person.profileId).executeTakeFirstOrThrow();
    expect(opposition.withdrawn_at).not.toBeNull();
    await expect(startActivation(db, { ...identity, code: await lastNewCode(person.email) }, new Date())).resolves.toHaveProperty('enrolmentId');
  });

  test('CLO-6: a closed profile gets a new code online to reopen it; not after a death (CLO-11)', async () => {
    const person = await aPendingPerson(db);
    const identity = { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate };
    await db.updateTable('profiles').set({ state: 'CLOSED', closure_reason: 'HOLDER', closed_at: new Date() }).where('id', '=', person.profileId).execute();
    await requestCodeOnline(db, identity, new Date());
    expect(await lastNewCode(person.email)).toMatch(/^[A-Z2-9]{8}$/);
    await db.updateTable('profiles').set({ closure_reason: 'DECEASED' }).where('id', '=', person.profileId).execute();
    await expect(requestCodeOnline(db, identity, new Date())).rejects.toMatchObject({ code: 'code.not-awaiting' });
  });

  test('CMP-8: without an email but with a mobile on file, the code goes by SMS (masked on screen) and works', async () => {
    const { processEmail } = await import('@/jobs/emails');
    const { createMailer } = await import('@/lib/notifications/mailer');
    const person = await aPendingPerson(db);
    await db.updateTable('profiles').set({ email: null }).where('id', '=', person.profileId).execute();
    await db.insertInto('insured_people').values({ nir: person.nir, vitale_serial: person.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
      birth_date: person.birthDate, sex: 2, birth_place: '75056', departement: '75', email: null, mobile: '+33612345678', postal_address: null,
      parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: new Date() }).execute();
    const sent = await requestCodeOnline(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate }, new Date());
    expect(sent).toEqual({ channel: 'SMS', to: '•• •• •• •• 78' });
    const row = await db.selectFrom('outbox').select(['id', 'payload']).where('kind', '=', 'sms')
      .where(sql<string>`payload->>'to'`, '=', '+33612345678').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.payload)).not.toMatch(/[A-HJKMNP-Z2-9]{8}(?![a-z])/); // the code is sealed, not in the payload
    await processEmail(db, createMailer(''), { outboxId: row.id });
    const sms = await db.selectFrom('demo_mailbox').select(['to_address', 'subject', 'text']).where('outbox_id', '=', row.id).executeTakeFirstOrThrow();
    expect(sms).toMatchObject({ to_address: '+33612345678', subject: 'SMS' });
    const code = /code provisoire est ([A-Z2-9]{8})/.exec(sms.text)?.[1];
    await expect(startActivation(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate, code: code! }, new Date()))
      .resolves.toHaveProperty('enrolmentId');
  });
});
