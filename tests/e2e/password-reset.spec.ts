import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';
import { mailsTo, otpIn, waitForMail } from './support/mail';
import { typed } from './support/people';

/**
 * ACT-14 from the login page: « Mot de passe oublié » (carte Vitale, then the emailed code, then a new password
 * under ACT-8) and « Identifiant oublié » (the identifiant to the verified address, one neutral answer for all).
 */
test('ACT-14, ACT-8, NOT-4: a forgotten password is replaced with the carte Vitale and an emailed code; the new one signs in', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Odile', birthName: 'MARCHAND', sex: 2 });
  const newPassword = 'Falaise-Blanche-73?';
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mot de passe oublié' })).toBeVisible();
  await expectAccessible(page);

  // A wrong serial: one generic message that names no field.
  await page.getByLabel('Numéro de sécurité sociale').fill(patient.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill('10987654321');
  await page.getByLabel('Date de naissance').fill(typed(patient.birthDate));
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  await expect(page.getByText('Les informations saisies ne permettent pas de retrouver un compte Mon espace santé.')).toBeVisible();
  await expect(page.getByLabel('Numéro de série de la carte Vitale')).not.toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  const since = Date.now();
  await page.getByLabel('Numéro de série de la carte Vitale').fill('12345678901');
  await page.getByLabel('Date de naissance').fill(typed(patient.birthDate));
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saisir le code reçu' })).toBeVisible();
  expect(page.url()).not.toContain(patient.nir);
  await expectAccessible(page);
  const mail = await waitForMail(patient.email, /Votre code/, since);
  expect(mail.text).toContain('nouveau mot de passe');
  await page.getByLabel('Code reçu par courriel').fill(otpIn(mail));
  await page.getByRole('button', { name: 'Valider le code' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Choisir un nouveau mot de passe' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nouveau mot de passe/).fill('odile-1234');
  await page.getByLabel('Confirmation du nouveau mot de passe').fill('odile-1234');
  await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(page.locator('#newPassword-error')).toContainText('au moins une lettre majuscule');
  await expect(page.getByLabel(/^Nouveau mot de passe/)).toHaveAttribute('aria-describedby', /newPassword-error/);
  await expectAccessible(page);

  const changedSince = Date.now();
  await page.getByLabel(/^Nouveau mot de passe/).fill(newPassword);
  await page.getByLabel('Confirmation du nouveau mot de passe').fill(newPassword);
  await page.getByRole('button', { name: 'Enregistrer le nouveau mot de passe' }).click();
  await expect(page.getByText('Votre nouveau mot de passe est enregistré')).toBeVisible();
  await expectAccessible(page);
  expect((await waitForMail(patient.email, /Du nouveau/, changedSince)).text).toContain('Votre mot de passe a été modifié.');

  // The old password is refused; the new one, then the login code (ACT-10), opens the space.
  await page.getByLabel('Identifiant').fill(patient.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(patient.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#password-error')).toContainText('Identifiant ou mot de passe incorrect.');
  await passwordThenOtp(page, '/connexion', { ...patient, password: newPassword });
  await expect(page).toHaveURL(/\/espace$/);
});

test('ACT-14: « Identifiant oublié » answers the same for any address; only the verified one receives the identifiant', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Lucien', birthName: 'FAURE', sex: 1 });
  const neutral = 'Si cette adresse électronique est celle, vérifiée, d’un compte Mon espace santé, vous allez recevoir votre identifiant';
  await page.goto('/connexion');
  await page.getByRole('link', { name: 'Identifiant oublié ?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Identifiant oublié' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Recevoir mon identifiant' }).click();
  await expect(page.locator('#email-error')).toContainText('Saisissez une adresse électronique valide');
  await expectAccessible(page);

  const since = Date.now();
  await page.getByLabel('Adresse électronique').fill(patient.email);
  await page.getByRole('button', { name: 'Recevoir mon identifiant' }).click();
  await expect(page.getByText(neutral)).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(patient.email, /Votre identifiant/, since);
  expect(mail.text).toContain(patient.identifiant);

  const stranger = `inconnu.${Date.now()}@exemple.test`;
  await page.goto('/connexion/identifiant-oublie');
  await page.getByLabel('Adresse électronique').fill(stranger);
  await page.getByRole('button', { name: 'Recevoir mon identifiant' }).click();
  await expect(page.getByText(neutral)).toBeVisible();
  // The known address's email arrived within seconds above; give the unknown one as long, then check nothing came.
  await expect(waitForMail(stranger, /./, since, 3000)).rejects.toThrow();
  expect(mailsTo(stranger)).toEqual([]);
});
