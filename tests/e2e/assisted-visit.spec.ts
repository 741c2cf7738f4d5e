import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/passwords';
import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_ADVISOR, passwordThenOtp } from './support/flows';
import { otpIn, waitForMail } from './support/mail';
import { aPendingPerson, anActivePatient, typed } from './support/people';

/**
 * FS-2, FS-3, FS-5: the demo advisor receives a person, starts a visit from their carte Vitale (the presence
 * box is required), changes their notification settings, ends the visit and gets the summary to print;
 * the person then sees the change in their Historique d’activité as done with an advisor's help.
 */
test('FS-2, FS-3, FS-5: an assisted visit changes the person’s notifications, ends with a summary, and shows in their history', async ({ page, db, browser }) => {
  const advisor = await db.selectFrom('staff_users').select('id').where('identifiant', '=', DEMO_ADVISOR.identifiant).executeTakeFirstOrThrow();
  // A visit left open by an earlier run would be resumed instead of a new one started.
  await db.updateTable('assisted_visits').set({ ended_at: new Date(), end_reason: 'ENDED' }).where('advisor_id', '=', advisor.id).where('ended_at', 'is', null).execute();
  const person = await anActivePatient(db);

  await passwordThenOtp(page, '/accompagnement/connexion', DEMO_ADVISOR);
  await expect(page).toHaveURL(/\/accompagnement$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Commencer un accompagnement' })).toBeVisible();
  await expectAccessible(page);

  // FS-2: without the presence box, nothing starts and the error is tied to the box.
  await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
  await page.getByRole('button', { name: 'Commencer l’accompagnement' }).click();
  await expect(page.locator('#presenceConfirmed-error')).toContainText('Cochez la case pour confirmer que la personne est présente et a donné son accord.');
  await expect(page).toHaveURL(/\/accompagnement$/);
  await expectAccessible(page);

  await page.getByLabel('La personne est présente et a donné son accord').check();
  await page.getByRole('button', { name: 'Commencer l’accompagnement' }).click();
  await expect(page).toHaveURL(/\/accompagnement\/visite$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement de Camille TESTEUR' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Camille TESTEUR \(personne présente\)/ })).toContainText('Activé');
  await expectAccessible(page);

  // FS-3, NOT-1: the person unticks one notification on the advisor's screen.
  await page.getByRole('link', { name: 'Régler les notifications de Camille TESTEUR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Préférences de notification de la personne' })).toBeVisible();
  await expectAccessible(page);
  const box = page.getByLabel('Dépistages organisés des cancers : Recevoir par courriel');
  await expect(box).toBeChecked();
  await box.uncheck();
  await page.getByRole('button', { name: 'Enregistrer les préférences' }).click();
  await expect(page.getByText('Les préférences de notification sont enregistrées')).toBeVisible();

  // FS-4: even during the visit, the person's medical pages stay closed to the advisor.
  for (const url of ['/espace', '/espace/documents', '/espace/historique']) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/acces-refuse/);
  }
  await page.goto('/accompagnement/visite');

  // FS-2: « Terminer l’accompagnement », then the summary to print (FS-3).
  await page.getByRole('button', { name: 'Terminer l’accompagnement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Récapitulatif de votre accompagnement' })).toBeVisible();
  await expect(page.getByText('Préférences de notification modifiées pour Camille TESTEUR')).toBeVisible();
  await expect(page.getByText('France Services de Guéret (Guéret)')).toBeVisible();
  await expect(page.getByText('Lucie', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer le récapitulatif' })).toBeVisible();
  await expectAccessible(page);
  const pdf = await page.request.get(`${page.url()}/pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');

  // FS-2: the visit is over: its pages send the advisor back to their home.
  await page.goto('/accompagnement/visite/notifications');
  await expect(page).toHaveURL(/\/accompagnement$/);

  // FS-5: the person sees the change in their history, as done with an advisor's help.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const own = await context.newPage();
  await passwordThenOtp(own, '/connexion', person);
  await expect(own.getByRole('heading', { level: 1, name: 'Bonjour Camille' })).toBeVisible();
  await own.goto('/espace/historique');
  // One line per channel saved (courriel, SMS, application), each marked as helped.
  const line = own.getByRole('row').filter({ hasText: 'Modification des préférences de notification' }).first();
  await expect(line).toContainText('Avec l’aide d’un conseiller France Services (Lucie Moreau (France Services), France Services de Guéret)');
  await expectAccessible(own);
  await context.close();
});

/**
 * FS-3, ACT-1..9, FS-4: the person activates their own profile on the advisor's screen: code provisoire,
 * password and emailed code go into password fields (never shown to the advisor); the summary lists it.
 */
test('FS-3, FS-4: assisted activation, every secret typed by the person in a password field', async ({ page, db }) => {
  // A second advisor of the demo site (the demo advisor's login code was just sent: ACT-11 spaces resends).
  const site = await db.selectFrom('staff_users').select('site_id').where('identifiant', '=', DEMO_ADVISOR.identifiant).executeTakeFirstOrThrow();
  const tag = randomUUID().slice(0, 8);
  const colleague = { identifiant: `conseiller.${tag}`, password: 'Conseil-Test-2026!', email: `conseiller.${tag}@france-services.test` };
  await db.insertInto('staff_users').values({ kind: 'ADVISOR', identifiant: colleague.identifiant, password_hash: await hashPassword(colleague.password),
    email: colleague.email, display_name: 'Karim Benali (France Services)', site_id: site.site_id, locked_until: null }).execute();
  const person = await aPendingPerson(db, new Date(), { firstNames: 'Inès', birthName: 'GARNIER' });

  await passwordThenOtp(page, '/accompagnement/connexion', colleague);
  await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
  await page.getByLabel('La personne est présente et a donné son accord').check();
  await page.getByRole('button', { name: 'Commencer l’accompagnement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement de Inès GARNIER' })).toBeVisible();

  await page.getByRole('link', { name: 'Aider à activer le profil de Inès GARNIER' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aider à activer un profil' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
  await expect(page.getByLabel('Code provisoire')).toHaveAttribute('type', 'password');
  await page.getByLabel('Code provisoire').fill(person.code);
  await page.getByLabel(/La personne a lu et accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Choisir les identifiants' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel(/^Mot de passe/)).toHaveAttribute('type', 'password');
  await page.getByLabel('Identifiant').fill(`ines.garnier.${Date.now()}`);
  await page.getByLabel(/^Mot de passe/).fill('Azur-Lagon-7x!');
  await page.getByLabel(/^Confirmation du mot de passe/).fill('Azur-Lagon-7x!');
  const since = Date.now();
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer l’adresse électronique' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel('Code reçu par courriel')).toHaveAttribute('type', 'password');
  await page.getByLabel('Code reçu par courriel').fill(otpIn(await waitForMail(person.email, /Votre code/, since)));
  await page.getByRole('button', { name: 'Activer le profil' }).click();

  await expect(page.getByText('Le profil est activé')).toBeVisible();
  await expect(page.getByRole('row', { name: /Inès GARNIER \(personne présente\)/ })).toContainText('Activé');
  await expect(page.getByText('Azur-Lagon-7x!')).toHaveCount(0);
  await page.getByRole('button', { name: 'Terminer l’accompagnement' }).click();
  await expect(page.getByText('Profil activé pour Inès GARNIER')).toBeVisible();
  await expectAccessible(page);
});
