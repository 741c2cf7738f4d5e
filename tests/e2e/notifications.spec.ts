import { randomUUID } from 'node:crypto';
import { notify } from '@/lib/notifications/notify';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { mailsTo, waitForMail } from './support/mail';
import { anActivePatient } from './support/people';

test('NOT-1, NOT-6, NOT-7: a patient reads, marks read and deletes notifications, then switches off an email preference', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  const since = Date.now();
  const t0 = Date.now();
  await notify(db, { profileId: patient.profileId, kind: 'NOTIF_DOCUMENT', at: new Date(t0 - 60_000),
    data: { actorLabel: 'Dr Claire Martin, médecin généraliste', documentId: randomUUID() } });
  await notify(db, { profileId: patient.profileId, kind: 'PS_ACCESS', at: new Date(t0), data: { actorLabel: 'Dr Claire Martin, médecin généraliste' } });

  // NOT-7: the emails really sent carry no medical content and no professional's name.
  const mail = await waitForMail(patient.email, /Du nouveau dans Mon espace santé/, since);
  expect(mail.text).toContain('/espace/notifications');
  expect(mailsTo(patient.email).filter((m) => m.receivedAt >= since).map((m) => m.text).join('\n')).not.toContain('Martin');

  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  // NOT-6: the unread count is part of the menu link's name.
  await page.getByRole('link', { name: 'Notifications, 2 non lues' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const items = page.getByRole('list', { name: 'Liste des notifications' }).getByRole('article');
  await expect(items).toHaveCount(2);
  // Newest first; in the app, who acted is shown.
  await expect(items.nth(0)).toContainText('Accès d’un professionnel de santé');
  await expect(items.nth(0)).toContainText('Dr Claire Martin, médecin généraliste a accédé au profil.');
  await expect(items.nth(1)).toContainText('Nouveau document');
  await expect(page.getByText('2 notifications non lues.')).toBeVisible();
  await expectAccessible(page);

  // NOT-6: marked read for this account.
  await page.getByRole('button', { name: /^Marquer comme lue la notification « Accès d’un professionnel de santé »/ }).click();
  await expect(page.getByText('Notification marquée comme lue')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Notifications, 1 non lue' })).toBeVisible();
  await expect(items.nth(0)).not.toContainText('Non lue');
  await expect(items.nth(1)).toContainText('Non lue');
  await expectAccessible(page);

  // NOT-6: deleted (for every account of the profile).
  await page.getByRole('button', { name: /^Supprimer la notification « Nouveau document »/ }).click();
  await expect(page.getByText('Notification supprimée')).toBeVisible();
  await expect(items).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  const deleted = await db.selectFrom('notifications').select('deleted_at').where('profile_id', '=', patient.profileId)
    .where('kind', '=', 'NOTIF_DOCUMENT').executeTakeFirstOrThrow();
  expect(deleted.deleted_at).not.toBeNull();
  await expectAccessible(page);

  // NOT-1: switch off the document emails; NOT-2, NOT-4: mandatory ones are listed, not switchable.
  await page.getByRole('link', { name: 'Mes préférences de notification' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes préférences de notification' })).toBeVisible();
  await expect(page.getByRole('checkbox')).toHaveCount(15); // 5 kinds × email, SMS, push (NOT-1)
  await expect(page.getByText('Accès d’un professionnel de santé à votre profil')).toBeVisible();
  await expectAccessible(page);
  const documentEmails = page.getByRole('checkbox', { name: 'Ajout ou modification d’un document par un professionnel : Recevoir par courriel' });
  await expect(documentEmails).toBeChecked();
  await documentEmails.uncheck();
  await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(page.getByText('Vos préférences sont enregistrées')).toBeVisible();
  await expect(documentEmails).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Nouveau message reçu : Recevoir par courriel' })).toBeChecked();
  await expectAccessible(page);

  // The next document notification reaches the centre, but no email is queued for it.
  const result = await notify(db, { profileId: patient.profileId, kind: 'NOTIF_DOCUMENT', at: new Date() });
  expect(result.notificationId).toMatch(/^[0-9a-f-]{36}$/);
  expect(result.emailedAccountIds).toEqual([]);

  // The change is in the history (AUD-1).
  await page.goto('/espace/historique');
  await expect(page.getByRole('table')).toContainText('Modification des préférences de notification');
});
