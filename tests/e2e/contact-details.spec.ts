import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';
import { otpIn, waitForMail } from './support/mail';

/**
 * « Mes coordonnées » (NOT-4, ACT-9, ACT-13): a patient changes their email — refused when invalid or
 * without the current password, then a code sent to the new address, a wrong code named as such, the right one confirms; the former address is told.
 */
test('NOT-4, ACT-9, ACT-13: a patient changes their email, confirmed by the code sent to the new address; the former one is told', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Sylvie', birthName: 'LEROY', sex: 2 });
  const newEmail = `sylvie.leroy.${Date.now()}@exemple.test`;
  await passwordThenOtp(page, '/connexion', patient);
  await page.getByRole('link', { name: 'Mes coordonnées' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes coordonnées' })).toBeVisible();
  await expect(page.getByText(`Votre adresse électronique : ${patient.email}`)).toBeVisible();
  await expectAccessible(page);

  const emailField = page.getByRole('textbox', { name: 'Nouvelle adresse électronique' });
  await emailField.fill('sylvie.exemple.test');
  await page.getByRole('button', { name: 'Recevoir un code à cette adresse' }).click();
  await expect(page.getByRole('textbox', { name: 'Nouvelle adresse électronique' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#email-error')).toContainText('adresse électronique valide');
  await expectAccessible(page);

  // ACT-13: without the current password, nothing is sent; the error is on the email form's password field.
  const emailSection = page.getByRole('region', { name: 'Adresse électronique' });
  await emailSection.getByRole('textbox', { name: 'Nouvelle adresse électronique' }).fill(newEmail);
  await emailSection.getByRole('button', { name: 'Recevoir un code à cette adresse' }).click();
  await expect(page.locator('#emailPassword-error')).toContainText('Le mot de passe actuel est incorrect.');
  await expect(emailSection.getByLabel('Mot de passe actuel')).toHaveAttribute('aria-invalid', 'true');

  const since = Date.now();
  await emailSection.getByRole('textbox', { name: 'Nouvelle adresse électronique' }).fill(newEmail);
  await emailSection.getByLabel('Mot de passe actuel').fill(patient.password);
  await emailSection.getByRole('button', { name: 'Recevoir un code à cette adresse' }).click();
  await expect(page.getByRole('status')).toContainText('Un code à 6 chiffres vient d’être envoyé à l’adresse s•••@exemple.test');
  const code = otpIn(await waitForMail(newEmail, /Votre code/, since));
  await page.getByRole('textbox', { name: 'Code reçu' }).fill(code === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.locator('#otp-error')).toContainText('Code incorrect. Il vous reste 4 essais.');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'Code reçu' }).fill(code);
  await page.getByRole('button', { name: 'Confirmer' }).click();
  await expect(page.getByText('La nouvelle adresse électronique est enregistrée.')).toBeVisible();
  await expect(page.getByText(`Votre adresse électronique : ${newEmail}`)).toBeVisible();
  await expectAccessible(page);
  // NOT-4: the former address is told of the change.
  expect((await waitForMail(patient.email, /./, since)).text).toContain('Les coordonnées de votre compte ont été modifiées.');
});
