import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { renderEmail, type EmailMessage } from '@/emails';
import { processScheduled } from '@/jobs/schedules';
import type { PatientActor } from '@/lib/access/actor';
import { closeProfile } from '@/lib/closure/close-profile';
import { runClosureJobs } from '@/lib/closure/purge';
import { remindDirectivesReviews } from '@/lib/medical-profile/directives-review';
import { replaceDirectives } from '@/lib/medical-profile/replace-directives';
import { setNotificationPreferences } from '@/lib/notifications/notification-preferences';
import { anActivePatient } from '../factories';
import { emailsTo } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const DAY = 24 * 3600_000;
const now = new Date('2026-12-03T08:00:00Z'); // 09:00 in Paris, when the daily job runs
const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);

const aPdf = async (text: string) => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
};

/** An active holder who filed their directives anticipées `days` days before `now`. */
async function aHolderWithDirectives(days: number) {
  const p = await anActivePatient(db, daysAgo(days + 1));
  const actor: PatientActor = { kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] };
  await replaceDirectives(db, actor, { profileId: p.profileId, file: { name: 'directives.pdf', bytes: await aPdf('v1') }, confirmReplace: false }, daysAgo(days));
  return { ...p, actor };
}

const reminders = (profileId: string) => db.selectFrom('notifications').select(['kind', 'created_at'])
  .where('profile_id', '=', profileId).where('kind', '=', 'DIRECTIVES_REVIEW').execute();
const reminderEmails = async (email: string) =>
  (await emailsTo(db, email, 'notification')).filter((e) => (e.payload as { data: { kind: string } }).data.kind === 'DIRECTIVES_REVIEW');

describe('PRF-4: a review reminder is sent yearly', () => {
  test('PRF-4: directives filed 366 days ago → exactly one in-app notification and one email after two runs the same day', async () => {
    const h = await aHolderWithDirectives(366);
    await remindDirectivesReviews(db, now);
    await processScheduled(db, 'directives-review', new Date(now.getTime() + 3600_000));
    expect(await reminders(h.profileId)).toEqual([{ kind: 'DIRECTIVES_REVIEW', created_at: now }]);
    const emails = await reminderEmails(h.email);
    expect(emails).toHaveLength(1);

    // NOT-7: the email says only to re-read them, and where.
    const email = await renderEmail(emails[0]!.payload as unknown as EmailMessage, {});
    expect(email.text).toContain('Pensez à relire vos directives anticipées.');
    expect(email.text).toContain('/espace/profil-medical/directives-anticipees');
    expect(email.text).not.toContain('.pdf');
  });

  test('PRF-4: directives filed 200 days ago → no reminder', async () => {
    const h = await aHolderWithDirectives(200);
    await remindDirectivesReviews(db, now);
    expect(await reminders(h.profileId)).toEqual([]);
    expect(await reminderEmails(h.email)).toEqual([]);
  });

  test('PRF-4: due on the anniversary day itself, not the day before; the next year on the next anniversary only', async () => {
    const h = await aHolderWithDirectives(365); // filed 2025-12-03 (Paris): due 2026-12-03
    await remindDirectivesReviews(db, daysAgo(1));
    expect(await reminders(h.profileId)).toEqual([]);
    await remindDirectivesReviews(db, now);
    expect(await reminders(h.profileId)).toHaveLength(1);
    await remindDirectivesReviews(db, new Date(now.getTime() + 364 * DAY)); // 2027-12-02
    expect(await reminders(h.profileId)).toHaveLength(1);
    await remindDirectivesReviews(db, new Date(now.getTime() + 365 * DAY)); // 2027-12-03
    expect(await reminders(h.profileId)).toHaveLength(2);
  });

  test('PRF-4: a worker down on the anniversary catches up once, later', async () => {
    const h = await aHolderWithDirectives(370);
    await remindDirectivesReviews(db, now);
    await remindDirectivesReviews(db, new Date(now.getTime() + DAY));
    expect(await reminders(h.profileId)).toHaveLength(1);
  });

  test('NOT-5, PRF-4: a CLOSED profile gets no reminder', async () => {
    const h = await aHolderWithDirectives(400);
    await closeProfile(db, h.actor, { profileId: h.profileId, deleteData: false }, daysAgo(2));
    await remindDirectivesReviews(db, now);
    expect(await reminders(h.profileId)).toEqual([]);
    expect(await reminderEmails(h.email)).toEqual([]);
  });

  test('PRF-4: replacing the directives restarts the clock', async () => {
    const h = await aHolderWithDirectives(400);
    await remindDirectivesReviews(db, daysAgo(30));
    expect(await reminders(h.profileId)).toHaveLength(1);
    // Replaced 20 days ago: nothing a year after the first filing, one a year after the replacement.
    await replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'v2.pdf', bytes: await aPdf('v2') }, confirmReplace: true }, daysAgo(20));
    await remindDirectivesReviews(db, new Date(now.getTime() + 340 * DAY)); // 2027-11-08: past the first filing's 2nd anniversary (2027-10-29)
    expect(await reminders(h.profileId)).toHaveLength(1);
    await remindDirectivesReviews(db, new Date(now.getTime() + 345 * DAY)); // 2027-11-13: the replacement's anniversary
    expect(await reminders(h.profileId)).toHaveLength(2);
  });

  test('NOT-1: with « Rendez-vous, rappels… » emails switched off, the in-app reminder comes but no email', async () => {
    const h = await aHolderWithDirectives(366);
    await setNotificationPreferences(db, h.actor, { channel: 'EMAIL', enabled: {
      NOTIF_MESSAGE: true, NOTIF_DOCUMENT: true, NOTIF_APPOINTMENT: false, NOTIF_DEPISTAGE: true, NOTIF_SYNCHRONIZED_SERVICE: true } }, daysAgo(1));
    await remindDirectivesReviews(db, now);
    expect(await reminders(h.profileId)).toHaveLength(1);
    expect(await reminderEmails(h.email)).toEqual([]);
  });

  test('CLO-4: the purge deletes the reminder state with the profile', async () => {
    const h = await aHolderWithDirectives(366);
    await remindDirectivesReviews(db, now);
    expect(await db.selectFrom('directives_reviews').select('profile_id').where('profile_id', '=', h.profileId).execute()).toHaveLength(1);
    await closeProfile(db, h.actor, { profileId: h.profileId, deleteData: true }, now);
    await runClosureJobs(db, new Date(now.getTime() + 31 * DAY));
    expect(await db.selectFrom('profiles').select('state').where('id', '=', h.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'PURGED' });
    expect(await db.selectFrom('directives_reviews').select('profile_id').where('profile_id', '=', h.profileId).execute()).toEqual([]);
  });
});
