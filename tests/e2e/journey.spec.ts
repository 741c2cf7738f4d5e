import { lastOppositionDay } from '@/lib/campaigns/window';
import { aNir } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_AGENT, passwordThenOtp } from './support/flows';
import { codeProvisoireIn, otpIn, waitForMail } from './support/mail';

/**
 * The first journey end to end (issue #3 §5): an agent creates a beneficiary, the worker sends the
 * notice through the outbox and SMTP, the person activates, logs in and reads their history.
 */
test('BO-4, CMP-5, ACT-1..10, AUD-4: from creation by an agent to the patient reading their history', async ({ page }) => {
  const nir = aNir({ sex: 1, year: 1990, month: 4 });
  const email = `julien.${Date.now()}@exemple.test`;

  // 1. The agent logs in (password + emailed code) and creates the beneficiary.
  await passwordThenOtp(page, '/admin/connexion', DEMO_AGENT);
  await expect(page).toHaveURL(/\/admin$/);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Créer un bénéficiaire' }).first().click();
  await expectAccessible(page);
  const form = async (nirValue: string) => {
    await page.getByLabel('NIR (numéro de sécurité sociale)').fill(nirValue);
    await page.getByLabel('Numéro de série de la carte Vitale').fill('24681357901');
    await page.getByLabel('Nom de naissance').fill('Lefèvre');
    await page.getByLabel('Prénoms de naissance').fill('Julien Marc');
    await page.getByLabel('Date de naissance').fill('12/04/1990');
    await page.getByLabel('Adresse électronique').fill(email);
    await page.getByRole('button', { name: 'Créer le profil et envoyer l’avis' }).click();
  };
  // ID-3: a wrong key is refused, in French, tied to the field.
  const wrongKey = nir.slice(0, 13) + String((Number(nir.slice(13)) % 97) + 1).padStart(2, '0');
  await form(wrongKey);
  await expect(page.getByRole('textbox', { name: 'NIR (numéro de sécurité sociale)' })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#nir-error')).toContainText('clé');
  await expectAccessible(page);
  const sentAfter = Date.now();
  await form(nir);
  await expect(page.getByRole('heading', { level: 1, name: 'Julien Marc LEFÈVRE' })).toBeVisible();
  const beneficiaryPage = page.url();
  await expect(page.getByText('invité', { exact: true })).toBeVisible();
  await expectAccessible(page);
  // A duplicate NIR is refused.
  await page.goto('/admin/beneficiaires/nouveau');
  await form(nir);
  await expect(page.locator('#nir-error')).toContainText('Un profil existe déjà pour ce numéro de sécurité sociale.');

  // 2. The notice arrives by SMTP, once, with the code and the last opposition day (CMP-4, CMP-5, CMP-7).
  const notice = await waitForMail(email, /Votre profil Mon espace santé/, sentAfter);
  expect(codeProvisoireIn(notice)).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  // BO-3: the person lost it; the agent sends a new one, which replaces it.
  await page.goto(beneficiaryPage);
  const reissuedAfter = Date.now();
  await page.getByRole('button', { name: 'Envoyer un nouveau code provisoire' }).click();
  await expect(page.getByText('Un nouveau code provisoire part par courriel')).toBeVisible();
  await expectAccessible(page);
  const code = codeProvisoireIn(await waitForMail(email, /Votre nouveau code provisoire/, reissuedAfter));
  expect(code).toMatch(/^[A-HJKMNP-Z2-9]{8}$/);
  const lastDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' })
    .format(new Date(`${lastOppositionDay(new Date(notice.receivedAt))}T12:00:00Z`));
  expect(notice.text).toContain(lastDay);
  expect(notice.text).toContain('3422');
  expect(notice.text).toContain('Dossier Médical Partagé');

  // 3. Activation: identity + code + CGU, then identifiant and password, then the email code.
  await page.context().clearCookies();
  await page.goto('/activation');
  await expectAccessible(page);
  await page.getByLabel('Numéro de sécurité sociale').fill(nir.replace(/(.)(..)(..)(..)(...)(...)(..)/, '$1 $2 $3 $4 $5 $6 $7'));
  await page.getByLabel('Numéro de série de la carte Vitale').fill('24681357901');
  await page.getByLabel('Date de naissance').fill('12/04/1990');
  await page.getByLabel('Code provisoire').fill(code.toLowerCase());
  await page.getByLabel(/J’ai lu et j’accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir mes identifiants' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Identifiant/).fill('julien.lefevre90');
  await page.getByLabel(/^Mot de passe/).fill('Julien-Secret-2026');
  await page.getByLabel('Confirmation du mot de passe').fill('Julien-Secret-2026');
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();
  // ACT-8: the first name inside the password is refused, with the reason under the field.
  await expect(page.locator('#password-error')).toContainText('prénom');
  await expectAccessible(page);
  const otpSince = Date.now();
  await page.getByLabel(/^Mot de passe/).fill('Soleil-Vert-2026!');
  await page.getByLabel('Confirmation du mot de passe').fill('Soleil-Vert-2026!');
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer mon adresse électronique' })).toBeVisible();
  await expectAccessible(page);
  const verification = await waitForMail(email, /Votre code/, otpSince);
  await page.getByLabel('Code reçu par courriel').fill(otpIn(verification));
  await page.getByRole('button', { name: 'Activer mon profil' }).click();
  await expect(page.getByText('Votre profil est activé')).toBeVisible();
  await expectAccessible(page);

  // 4. Login with password + OTP; a wrong code first says how many tries are left (ACT-11).
  const loginSince = Date.now();
  await page.getByLabel('Identifiant').fill('julien.lefevre90');
  await page.getByLabel(/^Mot de passe/).fill('Soleil-Vert-2026!');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const loginMail = await waitForMail(email, /Votre code/, loginSince);
  const otp = otpIn(loginMail);
  await page.getByLabel('Code reçu par courriel').fill(otp === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.locator('#otp-error')).toContainText('Il vous reste 4 essais');
  await expectAccessible(page);
  await page.getByLabel('Code reçu par courriel').fill(otp);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Julien' })).toBeVisible();
  await expectAccessible(page);

  // 5. Historique d'activité: the agent's creation and the person's own activation (AUD-4).
  await page.getByRole('link', { name: 'Historique d’activité' }).first().click();
  await expect(page.getByRole('cell', { name: 'Activation du profil' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Assurance Maladie et accompagnement' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'Création du profil et envoi du code provisoire' }))
    .toContainText('Sophie Lambert (CPAM), Assurance Maladie');
  // The agent's look at the administrative summary is shown to the person too (BO).
  await expect(page.getByRole('row').filter({ hasText: 'Consultation de vos informations administratives' }).first())
    .toContainText('Sophie Lambert (CPAM)');
  await expectAccessible(page);

  // 6. Sign out ends the session: the space sends back to the login page.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/localhost:\d+\/$/);
  await page.goto('/espace');
  await expect(page).toHaveURL(/\/connexion$/);
});
