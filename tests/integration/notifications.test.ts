import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { renderEmail, type EmailMessage } from '@/emails';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { deleteNotification } from '@/lib/notifications/delete-notification';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { notificationPreferences, setNotificationPreferences, type ChannelSwitches } from '@/lib/notifications/notification-preferences';
import { notify } from '@/lib/notifications/notify';
import { markAllNotificationsRead, markNotificationRead } from '@/lib/notifications/read-notifications';
import { unreadCounts } from '@/lib/notifications/unread-counts';
import { aPendingPerson, anActivePatient, type ActivePatient } from '../factories';
import { emailsTo } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-02T09:00:00Z');
const ALL_ON: ChannelSwitches = { NOTIF_MESSAGE: true, NOTIF_DOCUMENT: true, NOTIF_APPOINTMENT: true, NOTIF_DEPISTAGE: true, NOTIF_SYNCHRONIZED_SERVICE: true };

const holderActor = (p: ActivePatient): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });

/**
 * A protected adult (REP-10) with their own account and a guardian who has one too: two accounts
 * sharing one profile, as NOT-6 and NOT-7 need.
 */
async function aProfileWithRepresentative() {
  const holder = await anActivePatient(db, now);
  const guardian = await anActivePatient(db, now);
  await db.insertInto('representations').values({ account_id: guardian.accountId, profile_id: holder.profileId, role: 'GUARDIAN',
    granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
  const guardianActor: PatientActor = { ...holderActor(guardian), representedProfileIds: [holder.profileId] };
  return { holder, guardian, holderActor: holderActor(holder), guardianActor };
}

const notificationEmails = (to: string) => emailsTo(db, to, 'notification');
const inApp = (profileId: string) => db.selectFrom('notifications').selectAll().where('profile_id', '=', profileId).execute();

describe('NOT-1..7: notify()', () => {
  test('NOT-6, NOT-7: one in-app row for the profile, one email to the holder and one to the representative', async () => {
    const { holder, guardian } = await aProfileWithRepresentative();
    const result = await db.transaction().execute((trx) => notify(trx, { profileId: holder.profileId, kind: 'NOTIF_DOCUMENT',
      data: { actorLabel: 'Dr Claire Martin, médecin généraliste', documentId: randomUUID() }, at: now }));
    expect(result.emailedAccountIds).toEqual([holder.accountId, guardian.accountId]);
    expect((await inApp(holder.profileId)).map((n) => n.id)).toEqual([result.notificationId]);

    const [toHolder] = await notificationEmails(holder.email);
    const [toGuardian] = await notificationEmails(guardian.email);
    expect(toHolder?.payload).toMatchObject({ template: 'notification', data: { kind: 'NOTIF_DOCUMENT', profileFirstName: null, profileId: null } });
    expect(toGuardian?.payload).toMatchObject({ data: { kind: 'NOTIF_DOCUMENT', profileFirstName: 'Camille', profileId: holder.profileId } });

    // NOT-7: the email says something happened and where to look, never what nor who.
    const email = await renderEmail(toGuardian!.payload as unknown as EmailMessage, {});
    expect(email.subject).toBe('Du nouveau dans Mon espace santé');
    expect(email.text).toContain('Un professionnel de santé a ajouté ou modifié un document dans le profil de Camille.');
    expect(email.text).toContain(`/espace/notifications?profil=${holder.profileId}`);
    expect(email.text).not.toContain('Martin');
    expect(email.html).not.toContain('Martin');
  });

  test('NOT-1: a representative who switched NOTIF_DOCUMENT off gets no email, but sees the in-app notification', async () => {
    const { holder, guardian, guardianActor } = await aProfileWithRepresentative();
    await setNotificationPreferences(db, guardianActor, { channel: 'EMAIL', enabled: { ...ALL_ON, NOTIF_DOCUMENT: false } }, now);
    expect((await notificationPreferences(db, guardianActor, 'EMAIL', now)).NOTIF_DOCUMENT).toBe(false);
    const result = await notify(db, { profileId: holder.profileId, kind: 'NOTIF_DOCUMENT', at: now });
    expect(result.emailedAccountIds).toEqual([holder.accountId]);
    expect(await notificationEmails(guardian.email)).toEqual([]);
    expect(await notificationEmails(holder.email)).toHaveLength(1);
    const page = await listNotifications(db, guardianActor, { profileId: holder.profileId }, now);
    expect(page.items.map((i) => i.kind)).toEqual(['NOTIF_DOCUMENT']);
    // The change is traced on the account's own profile.
    const trace = await db.selectFrom('access_events').select(['action', 'outcome', 'target_id']).where('profile_id', '=', guardian.profileId)
      .where('action', '=', 'notification.preferences').executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'notification.preferences', outcome: 'OK', target_id: 'EMAIL:off=NOTIF_DOCUMENT' });
  });

  test('NOT-2: a PS access is emailed to every account, even one that switched everything off', async () => {
    const { holder, guardian, holderActor, guardianActor } = await aProfileWithRepresentative();
    const allOff = Object.fromEntries(Object.keys(ALL_ON).map((k) => [k, false])) as ChannelSwitches;
    await setNotificationPreferences(db, holderActor, { channel: 'EMAIL', enabled: allOff }, now);
    await setNotificationPreferences(db, guardianActor, { channel: 'EMAIL', enabled: allOff }, now);
    const result = await notify(db, { profileId: holder.profileId, kind: 'PS_ACCESS', data: { actorLabel: 'Dr Claire Martin' }, at: now });
    expect(result.emailedAccountIds).toEqual([holder.accountId, guardian.accountId]);
    // NOT-2, NOT-4: mandatory kinds have no switch at all; the database refuses one.
    await expect(db.insertInto('notification_preferences').values({ account_id: holder.accountId, kind: 'PS_ACCESS' as never, channel: 'EMAIL',
      enabled: false, updated_at: now }).execute()).rejects.toThrow(/check constraint/);
  });

  test('NOT-4: a security event is emailed to the holder only; the in-app row is still shared', async () => {
    const { holder, guardian } = await aProfileWithRepresentative();
    const result = await notify(db, { profileId: holder.profileId, kind: 'SECURITY', data: { securityEvent: 'credentials' }, at: now });
    expect(result.emailedAccountIds).toEqual([holder.accountId]);
    expect(await notificationEmails(guardian.email)).toEqual([]);
    const email = await renderEmail((await notificationEmails(holder.email))[0]!.payload as unknown as EmailMessage, {});
    expect(email.text).toContain('Les identifiants de connexion de votre compte ont été modifiés.');
  });

  test('NOT-5: nothing at all for a CREATED profile, even a mandatory kind to its representative (no in-app row, no email)', async () => {
    const person = await aPendingPerson(db, now);
    const parent = await anActivePatient(db, now);
    await db.updateTable('profiles').set({ state: 'CREATED', previous_state: 'PENDING' }).where('id', '=', person.profileId).execute();
    await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: person.profileId, role: 'PARENT_PRINCIPAL',
      granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    for (const kind of ['PS_ACCESS', 'EMERGENCY_ACCESS', 'NOTIF_DOCUMENT'] as const) {
      expect(await notify(db, { profileId: person.profileId, kind, at: now })).toEqual({ notificationId: null, emailedAccountIds: [] });
    }
    expect(await inApp(person.profileId)).toEqual([]);
    expect(await notificationEmails(parent.email)).toEqual([]);
  });

  test('NOT-4, CLO-3: a profile just closed is still told of its closure, without a link to log in', async () => {
    const patient = await anActivePatient(db, now);
    await db.updateTable('profiles').set({ state: 'CLOSED', previous_state: 'ACTIVE' }).where('id', '=', patient.profileId).execute();
    expect((await notify(db, { profileId: patient.profileId, kind: 'NOTIF_DOCUMENT', at: now })).notificationId).toBeNull();
    expect((await notify(db, { profileId: patient.profileId, kind: 'CLOSURE', at: now })).emailedAccountIds).toEqual([patient.accountId]);
    const email = await renderEmail((await notificationEmails(patient.email))[0]!.payload as unknown as EmailMessage, {});
    expect(email.text).toContain('Votre profil Mon espace santé a été fermé.');
    expect(email.text).not.toContain('/espace/notifications');
  });

  test('NOT-6: rolled back with the caller’s transaction', async () => {
    const patient = await anActivePatient(db, now);
    await expect(db.transaction().execute(async (trx) => {
      await notify(trx, { profileId: patient.profileId, kind: 'NOTIF_MESSAGE', at: now });
      throw new Error('the caller fails');
    })).rejects.toThrow('the caller fails');
    expect(await inApp(patient.profileId)).toEqual([]);
    expect(await notificationEmails(patient.email)).toEqual([]);
  });
});

describe('NOT-6: the in-app centre', () => {
  test('NOT-6: read state is per account; "Tout marquer comme lu" only for the account that asks', async () => {
    const { holder, holderActor, guardianActor } = await aProfileWithRepresentative();
    const first = await notify(db, { profileId: holder.profileId, kind: 'NOTIF_DOCUMENT', at: now });
    await notify(db, { profileId: holder.profileId, kind: 'PS_ACCESS', at: new Date(now.getTime() + 60_000) });
    await markNotificationRead(db, holderActor, first.notificationId!, now);
    await markNotificationRead(db, holderActor, first.notificationId!, now); // twice: no error, no change
    const mine = await listNotifications(db, holderActor, { profileId: holder.profileId }, now);
    expect(mine.items.map((i) => [i.kind, i.read])).toEqual([['PS_ACCESS', false], ['NOTIF_DOCUMENT', true]]);
    const theirs = await listNotifications(db, guardianActor, { profileId: holder.profileId }, now);
    expect(theirs.items.map((i) => i.read)).toEqual([false, false]);
    expect(await unreadCounts(db, holderActor)).toEqual({ total: 1, byProfile: { [holder.profileId]: 1 } });
    expect((await unreadCounts(db, guardianActor)).byProfile[holder.profileId]).toBe(2);

    expect(await markAllNotificationsRead(db, guardianActor, holder.profileId, now)).toBe(2);
    expect((await unreadCounts(db, guardianActor)).total).toBe(0);
    expect((await unreadCounts(db, holderActor)).total).toBe(1);
  });

  test('NOT-6: deleting a notification deletes it for every account sharing the profile (traced)', async () => {
    const { holder, holderActor, guardianActor } = await aProfileWithRepresentative();
    const { notificationId } = await notify(db, { profileId: holder.profileId, kind: 'NOTIF_APPOINTMENT', at: now });
    await deleteNotification(db, guardianActor, notificationId!, now);
    expect((await listNotifications(db, holderActor, { profileId: holder.profileId }, now)).items).toEqual([]);
    expect((await listNotifications(db, guardianActor, { profileId: holder.profileId }, now)).items).toEqual([]);
    await expect(deleteNotification(db, holderActor, notificationId!, now)).rejects.toBeInstanceOf(NotFoundError);
    const row = await db.selectFrom('notifications').select(['deleted_at', 'deleted_by']).where('id', '=', notificationId!).executeTakeFirstOrThrow();
    expect(row).toEqual({ deleted_at: now, deleted_by: guardianActor.accountId });
    const trace = await db.selectFrom('access_events').select(['action', 'outcome', 'actor_id', 'target_id'])
      .where('profile_id', '=', holder.profileId).where('action', '=', 'notification.delete').executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'notification.delete', outcome: 'OK', actor_id: guardianActor.accountId, target_id: notificationId });
  });

  test('NOT-6: another account is refused (list, read, delete), each refusal traced, nothing changes', async () => {
    const patient = await anActivePatient(db, now);
    const stranger = holderActor(await anActivePatient(db, now));
    const { notificationId } = await notify(db, { profileId: patient.profileId, kind: 'NOTIF_MESSAGE', at: now });
    await expect(listNotifications(db, stranger, { profileId: patient.profileId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(markNotificationRead(db, stranger, notificationId!, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(deleteNotification(db, stranger, notificationId!, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const refused = await db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_id']).where('profile_id', '=', patient.profileId)
      .where('action', 'like', 'notification.%').orderBy('id').execute();
    expect(refused).toEqual(['notification.list', 'notification.read', 'notification.delete'].map((action) =>
      ({ action, outcome: 'DENIED', reason: 'not-holder', actor_id: stranger.accountId })));
    expect(await db.selectFrom('notifications').select('deleted_at').where('id', '=', notificationId!).executeTakeFirstOrThrow()).toEqual({ deleted_at: null });
    expect(await db.selectFrom('notification_reads').selectAll().where('notification_id', '=', notificationId!).execute()).toEqual([]);
  });

  test('NOT-6: newest first in keyset pages of 20, both ways', async () => {
    const patient = await anActivePatient(db, now);
    const actor = holderActor(patient);
    for (let i = 0; i < 25; i++) await notify(db, { profileId: patient.profileId, kind: 'NOTIF_DOCUMENT', at: new Date(now.getTime() + i * 1000) });
    const first = await listNotifications(db, actor, { profileId: patient.profileId }, now);
    expect(first.items).toHaveLength(20);
    expect(first.items[0]!.createdAt).toEqual(new Date(now.getTime() + 24_000));
    expect(first.newerCursor).toBeUndefined();
    const second = await listNotifications(db, actor, { profileId: patient.profileId, before: first.olderCursor }, now);
    expect(second.items.map((i) => i.createdAt.getTime() - now.getTime())).toEqual([4000, 3000, 2000, 1000, 0]);
    expect(second.olderCursor).toBeUndefined();
    const back = await listNotifications(db, actor, { profileId: patient.profileId, after: second.newerCursor }, now);
    expect(back.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    expect(back.newerCursor).toBeUndefined();
  });

  test('FS-3: an advisor may not change an account’s switches outside an assisted visit (refused and traced)', async () => {
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère' };
    await expect(setNotificationPreferences(db, advisor, { channel: 'EMAIL', enabled: ALL_ON }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const trace = await db.selectFrom('access_events').select(['action', 'outcome', 'reason']).where('actor_id', '=', advisor.staffId).executeTakeFirstOrThrow();
    expect(trace).toEqual({ action: 'notification.preferences', outcome: 'DENIED', reason: 'advisor-assisted-only' });
  });
});
