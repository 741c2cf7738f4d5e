import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { waitForMail } from './support/mail';

/**
 * FS-1: a supervisor creates a France Services advisor's account in the back-office; the advisor follows the
 * emailed link, chooses a password, logs in with password + OTP; the supervisor deactivates the account and the
 * advisor's next page load is the login page.
 */
test('FS-1: a supervisor creates an advisor, who sets a password from the email and logs in with OTP; deactivation ends their session at once', async ({ page, browser, db }) => {
  test.setTimeout(120_000);
  const email = `lucie.brunet.${Date.now()}@france-services.test`;
  const password = 'Tournesol-Bleu-42';

  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db, 'SUPERVISOR'));
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Conseillers France Services', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Conseillers France Services' })).toBeVisible();
  await expectAccessible(page);

  // The form: errors in French, on their fields.
  await page.getByRole('link', { name: 'Créer un compte conseiller' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer un compte conseiller' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Adresse électronique professionnelle/).fill('lucie.brunet');
  await page.getByRole('button', { name: 'Créer le compte et envoyer le lien' }).click();
  await expect(page.locator('#givenName-error')).toContainText('Saisissez le prénom du conseiller.');
  await expect(page.locator('#email-error')).toContainText('Saisissez une adresse électronique valide');
  await expect(page.getByLabel(/^Prénom/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel(/^Prénom/).fill('Lucie');
  await page.getByLabel(/^Nom/).fill('Brunet');
  await page.getByLabel(/^Adresse électronique professionnelle/).fill(email);
  await page.getByLabel(/^Espace France Services/).selectOption({ label: 'France Services de Guéret — Guéret (23)' });
  const since = Date.now();
  await page.getByRole('button', { name: 'Créer le compte et envoyer le lien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lucie BRUNET' })).toBeVisible();
  await expect(page.getByText('Le compte est créé')).toBeVisible();
  await expect(page.getByText('Invité (mot de passe à choisir)')).toBeVisible();
  await expectAccessible(page);

  // The advisor, in their own browser: the emailed link, the password (rules first), then password + OTP.
  const mail = await waitForMail(email, /^Votre compte conseiller France Services$/, since);
  const link = /https?:\/\/\S+\/accompagnement\/connexion\/mot-de-passe\?jeton=[\w%-]+/.exec(mail.text)?.[0];
  expect(link, 'the email carries the single-use link').toMatch(/\/accompagnement\/connexion\/mot-de-passe\?jeton=/);
  const advisor = await (await browser.newContext()).newPage();
  const url = new URL(link!);
  await advisor.goto(url.pathname + url.search);
  await expect(advisor.getByRole('heading', { level: 1, name: 'Choisir votre mot de passe' })).toBeVisible();
  await expect(advisor.getByText(`votre identifiant de connexion est ${email}`)).toBeVisible();
  await expectAccessible(advisor);
  await advisor.getByLabel(/^Mot de passe/).fill('Brunet-2026!');
  await advisor.getByLabel(/^Confirmation du mot de passe/).fill('Brunet-2026!');
  await advisor.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(advisor.locator('#password-error')).toContainText('Le mot de passe ne doit pas contenir votre nom de naissance.');
  await expectAccessible(advisor);
  await advisor.getByLabel(/^Mot de passe/).fill(password);
  await advisor.getByLabel(/^Confirmation du mot de passe/).fill(password);
  await advisor.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
  await expect(advisor.getByText('Votre mot de passe est enregistré')).toBeVisible();
  await expectAccessible(advisor);

  // The link is single-use.
  await advisor.goto(url.pathname + url.search);
  await expect(advisor.getByText(/^Ce lien a déjà servi/)).toBeVisible();

  await passwordThenOtp(advisor, '/accompagnement/connexion', { identifiant: email, password, email });
  await expect(advisor).toHaveURL(/\/accompagnement$/);
  await expectAccessible(advisor);

  // Back-office: the list shows the account active, with its last login.
  await page.goto('/admin/conseillers');
  const row = page.getByRole('row', { name: /Lucie BRUNET/ });
  await expect(row).toContainText('Actif');
  await expect(row).toContainText('France Services de Guéret');
  await expect(row).not.toContainText('Jamais');

  // Deactivation, after its confirmation page.
  await row.getByRole('link', { name: 'Lucie BRUNET' }).click();
  await page.getByRole('link', { name: 'Désactiver le compte' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Désactiver le compte de Lucie BRUNET ?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Désactiver le compte' }).click();
  await expect(page.getByText('Le compte est désactivé')).toBeVisible();
  await expect(page.getByText('Désactivé', { exact: true })).toBeVisible();

  // The advisor's very next page load is the login page; logging in again is refused in French.
  await advisor.goto('/accompagnement');
  await expect(advisor).toHaveURL(/\/accompagnement\/connexion$/);
  await advisor.getByLabel('Identifiant').fill(email);
  await advisor.getByLabel(/^Mot de passe/).fill(password);
  await advisor.getByRole('button', { name: 'Continuer' }).click();
  await expect(advisor.getByText('Votre compte de conseiller France Services est désactivé. Adressez-vous à votre référent de l’Assurance Maladie.')).toBeVisible();
  await expectAccessible(advisor);
});
