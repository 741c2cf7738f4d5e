import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { processEmail } from '@/jobs/emails';
import { createMailer } from '@/lib/notifications/mailer';
import { recordStaffOpposition } from '@/lib/oppositions/record-by-staff';
import { withdrawOpposition } from '@/lib/oppositions/withdraw';
import { startActivation } from '@/lib/accounts/start-activation';
import { unseal } from '@/lib/auth/secrets';
import { aPendingPerson, aStaffMember } from '../factories';

const db = getDb();
afterAll(() => closeDb());

async function pendingWithWindow(lastDay: string) {
  const person = await aPendingPerson(db);
  await db.updateTable('profiles').set({ notice_sent_at: new Date(), opposition_deadline: lastDay }).where('id', '=', person.profileId).execute();
  return person;
}

describe('BO-2, OPP-2, OPP-4, OPP-6: oppositions keyed in the back-office', () => {
  test('OPP-2, OPP-6: a phone opposition is recorded, traced as SUPPORT, and its PDF receipt is emailed', async () => {
    const person = await pendingWithWindow('2099-01-01');
    const agent = await aStaffMember(db);
    const id = await recordStaffOpposition(db, agent, { profileId: person.profileId, channel: 'PHONE', postmarkDate: null }, new Date());
    const row = await db.selectFrom('oppositions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ channel: 'PHONE', recorded_by: agent.staffId, postmark_date: null });
    const trace = await db.selectFrom('access_events').select(['actor_type', 'actor_id', 'channel']).where('profile_id', '=', person.profileId)
      .where('action', '=', 'profile.oppose').executeTakeFirstOrThrow();
    expect(trace).toEqual({ actor_type: 'SUPPORT', actor_id: agent.staffId, channel: 'BACKOFFICE' });
    const outbox = await db.selectFrom('outbox').select(['id', 'payload']).where('kind', '=', 'email')
      .where(sql<string>`payload->>'to'`, '=', person.email).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(outbox.payload).toMatchObject({ template: 'opposition-receipt', to: person.email });
    await processEmail(db, createMailer(''), { outboxId: outbox.id });
    const mail = await db.selectFrom('demo_mailbox').selectAll().where('outbox_id', '=', outbox.id).executeTakeFirstOrThrow();
    expect(mail.subject).toBe(`Récépissé d’opposition ${row.receipt_number}`);
    expect(mail.text).toContain(`recepisse-${row.receipt_number}.pdf`);
  });

  test('OPP-4: a letter postmarked on the last day of the window counts; one postmarked the day after is refused', async () => {
    const agent = await aStaffMember(db);
    const late = await pendingWithWindow('2026-03-15');
    await expect(recordStaffOpposition(db, agent, { profileId: late.profileId, channel: 'LETTER', postmarkDate: '2026-03-16' }, new Date()))
      .rejects.toMatchObject({ code: 'opposition.late', field: 'postmarkDate', message: expect.stringContaining('15/03/2026') });
    expect((await db.selectFrom('profiles').select('state').where('id', '=', late.profileId).executeTakeFirstOrThrow()).state).toBe('PENDING');
    const onTime = await pendingWithWindow('2026-03-15');
    await recordStaffOpposition(db, agent, { profileId: onTime.profileId, channel: 'LETTER', postmarkDate: '2026-03-15' }, new Date());
    expect((await db.selectFrom('profiles').select('state').where('id', '=', onTime.profileId).executeTakeFirstOrThrow()).state).toBe('OPPOSED');
    await expect(recordStaffOpposition(db, agent, { profileId: (await pendingWithWindow('2099-01-01')).profileId, channel: 'LETTER', postmarkDate: null }, new Date()))
      .rejects.toMatchObject({ code: 'opposition.postmark' });
  });

  test('OPP-4 (T16): a letter postmarked in the window that arrives after creation still counts; the DMP is detached', async () => {
    const agent = await aStaffMember(db);
    const created = await pendingWithWindow('2026-03-15');
    await db.updateTable('profiles').set({ state: 'CREATED', legacy_dmp_attached_at: new Date('2026-03-16T00:05:00Z') }).where('id', '=', created.profileId).execute();
    await recordStaffOpposition(db, agent, { profileId: created.profileId, channel: 'LETTER', postmarkDate: '2026-03-14' }, new Date('2026-03-20T10:00:00Z'));
    expect(await db.selectFrom('profiles').select(['state', 'legacy_dmp_attached_at']).where('id', '=', created.profileId).executeTakeFirstOrThrow())
      .toEqual({ state: 'OPPOSED', legacy_dmp_attached_at: null });
    // By phone after creation, it is a closure (OPP-8), not an opposition.
    const other = await pendingWithWindow('2026-03-15');
    await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', other.profileId).execute();
    await expect(recordStaffOpposition(db, agent, { profileId: other.profileId, channel: 'PHONE', postmarkDate: null }, new Date()))
      .rejects.toThrow('déjà été créé');
  });

  test('BO-2: an advisor cannot key an opposition in the back-office', async () => {
    const person = await pendingWithWindow('2099-01-01');
    const advisor = { kind: 'ADVISOR' as const, staffId: '00000000-0000-0000-0000-0000000000cc', siteId: '00000000-0000-0000-0000-0000000000dd', name: 'C' };
    await expect(recordStaffOpposition(db, advisor, { profileId: person.profileId, channel: 'PHONE', postmarkDate: null }, new Date()))
      .rejects.toMatchObject({ code: 'access.denied' });
  });
});

describe('OPP-9, ACC-2 T14: withdrawal of an opposition', () => {
  test('OPP-9: the profile goes to CREATED, the opposition is marked withdrawn, a new code is emailed and works', async () => {
    const person = await pendingWithWindow('2099-01-01');
    const agent = await aStaffMember(db);
    await recordStaffOpposition(db, agent, { profileId: person.profileId, channel: 'PHONE', postmarkDate: null }, new Date());
    await withdrawOpposition(db, agent, person.profileId, new Date());
    expect((await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow()).state).toBe('CREATED');
    const opposition = await db.selectFrom('oppositions').select('withdrawn_at').where('profile_id', '=', person.profileId).executeTakeFirstOrThrow();
    expect(opposition.withdrawn_at).toBeInstanceOf(Date);
    const row = await db.selectFrom('outbox').select(['sealed', 'payload']).where('kind', '=', 'email')
      .where(sql<string>`payload->>'to'`, '=', person.email).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(row.payload).toMatchObject({ template: 'new-code', to: person.email });
    const { code } = JSON.parse(unseal(row.sealed!)) as { code: string };
    await expect(startActivation(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate, code }, new Date()))
      .resolves.toHaveProperty('enrolmentId');
  });

  test('ACC-2: withdrawing when there is no opposition is refused and traced', async () => {
    const person = await pendingWithWindow('2099-01-01');
    await expect(withdrawOpposition(db, await aStaffMember(db), person.profileId, new Date())).rejects.toMatchObject({ code: 'lifecycle.refused' });
    const denied = await db.selectFrom('access_events').select('reason').where('profile_id', '=', person.profileId).where('outcome', '=', 'DENIED').execute();
    expect(denied).toEqual([{ reason: 'lifecycle.refused' }]);
  });
});
