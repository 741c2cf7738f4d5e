import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';
import { waitForMail } from './support/mail';

/**
 * « Mes coordonnées » (ACT-8, NOT-4): a patient changes their password — a wrong current password named on its
 * field, then the change; this browser stays signed in, an older session ends; the old password is refused at
 * the next login, the new one works; the security email says so.
 */
test('ACT-8, NOT-4: a patient changes their password; the old one is refused at login, the new one works', async ({ page, browser, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Nadia', birthName: 'BERTRAND', sex: 2 });
  const newPassword = 'Colline-Verte-58?';
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  // The same session in another browser window, opened before the change.
  const other = await browser.newContext();
  await other.addCookies(await page.context().cookies());

  await page.getByRole('link', { name: 'Mes coordonnées' }).first().click();
  const section = page.getByRole('region', { name: 'Mot de passe' });
  await expect(section).toBeVisible();
  await expect(page.getByText(`Votre identifiant : ${patient.identifiant}`)).toBeVisible();
  await expectAccessible(page);

  await section.getByLabel('Mot de passe actuel', { exact: true }).fill('Pas-Le-Bon-1!');
  await section.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await section.getByLabel('Confirmation du nouveau mot de passe').fill(newPassword);
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.locator('#currentPassword-error')).toContainText('Le mot de passe actuel est incorrect.');
  await expect(section.getByLabel('Mot de passe actuel', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(section.getByLabel('Mot de passe actuel', { exact: true })).toHaveAttribute('aria-describedby', /currentPassword-error/);
  await expectAccessible(page);

  await section.getByLabel('Mot de passe actuel', { exact: true }).fill(patient.password);
  await section.getByLabel('Nouveau mot de passe', { exact: true }).fill(patient.password);
  await section.getByLabel('Confirmation du nouveau mot de passe').fill(patient.password);
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('différent du mot de passe actuel');

  const since = Date.now();
  await section.getByLabel('Mot de passe actuel', { exact: true }).fill(patient.password);
  await section.getByLabel('Nouveau mot de passe', { exact: true }).fill(newPassword);
  await section.getByLabel('Confirmation du nouveau mot de passe').fill(newPassword);
  await section.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByText('Votre nouveau mot de passe est enregistré.')).toBeVisible();
  await expectAccessible(page);
  // This browser is still signed in; the session opened before the change is not.
  await page.goto('/espace');
  await expect(page).toHaveURL(/\/espace$/);
  const otherPage = await other.newPage();
  await otherPage.goto('/espace');
  await expect(otherPage).toHaveURL(/\/connexion$/);
  await other.close();
  // NOT-4: the security email, with what to do if it was not the holder.
  const notice = await waitForMail(patient.email, /Du nouveau/, since);
  expect(notice.text).toContain('Votre mot de passe a été modifié.');
  expect(notice.text).toContain('3422');

  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await page.goto('/connexion');
  await page.getByLabel('Identifiant').fill(patient.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(patient.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#password-error')).toContainText('Identifiant ou mot de passe incorrect.');
  await expectAccessible(page);

  // ACT-11 spaces login codes 60 s apart: the first login of this test was less than a minute ago.
  const { id: accountId } = await db.selectFrom('accounts').select('id').where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow();
  await db.updateTable('otp_challenges').set({ created_at: new Date(Date.now() - 61_000) }).where('subject_id', '=', accountId).execute();
  await passwordThenOtp(page, '/connexion', { ...patient, password: newPassword });
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Nadia' })).toBeVisible();
});

test('ACT-7, NOT-4: an identifiant already taken is refused on its field; a free one replaces it', async ({ page, db }) => {
  const [patient, neighbour] = [
    await anActivatedAdult(db, { firstNames: 'Yves', birthName: 'LE GALL', sex: 1 }),
    await anActivatedAdult(db, { firstNames: 'Anne', birthName: 'KERVELLA', sex: 2 }),
  ];
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/); // signed in before leaving the code page
  await page.goto('/espace/coordonnees');
  const section = page.getByRole('region', { name: 'Identifiant de connexion' });
  await section.getByLabel('Nouvel identifiant').fill(neighbour.identifiant.toUpperCase());
  await section.getByLabel('Mot de passe actuel', { exact: true }).fill(patient.password);
  await section.getByRole('button', { name: 'Changer d’identifiant' }).click();
  await expect(page.locator('#newIdentifiant-error')).toContainText('Cet identifiant est déjà utilisé : choisissez-en un autre.');
  await expect(section.getByLabel('Nouvel identifiant')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const identifiant = `yves.legall.${Date.now()}`;
  const since = Date.now();
  await section.getByLabel('Nouvel identifiant').fill(identifiant);
  await section.getByLabel('Mot de passe actuel', { exact: true }).fill(patient.password);
  await section.getByRole('button', { name: 'Changer d’identifiant' }).click();
  await expect(page.getByText('Votre nouvel identifiant est enregistré')).toBeVisible();
  await expect(page.getByText(`Votre identifiant : ${identifiant}`)).toBeVisible();
  await expectAccessible(page);
  expect((await waitForMail(patient.email, /Du nouveau/, since)).text).toContain('Votre identifiant de connexion a été modifié.');
});
