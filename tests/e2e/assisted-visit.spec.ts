import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/passwords';
import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_ADVISOR, passwordThenOtp } from './support/flows';
import { otpIn, waitForMail } from './support/mail';
import { aPendingPerson, typed } from './support/people';

/**
 * FS-2..5, ACT-1..9, NOT-1: the whole assisted visit as one story. An advisor of the demo site signs in and
 * starts a visit from the person's carte Vitale (the presence box is required); the person activates their
 * profile on the advisor's screen (code provisoire, password and emailed code in password fields, never shown),
 * then unticks one notification; the advisor cannot open the medical pages (FS-4), ends the visit and gets the
 * summary to print. Later the person signs in with the credentials they chose and sees both actions in their
 * Historique d’activité as done with the advisor's help.
 */
test('FS-2..5: an advisor starts a visit, helps the person activate, changes their notifications, ends it; the person sees both as assisted', async ({ page, db, browser }) => {
  // A fresh advisor of the demo site: the demo advisor's login code may just have been sent by another spec (ACT-11 spaces resends).
  const site = await db.selectFrom('staff_users').select('site_id').where('identifiant', '=', DEMO_ADVISOR.identifiant).executeTakeFirstOrThrow();
  const tag = randomUUID().slice(0, 8);
  const advisor = { identifiant: `conseiller.${tag}`, password: 'Conseil-Test-2026!', email: `conseiller.${tag}@france-services.test` };
  await db.insertInto('staff_users').values({ kind: 'ADVISOR', identifiant: advisor.identifiant, password_hash: await hashPassword(advisor.password),
    email: advisor.email, display_name: 'Karim Benali (France Services)', site_id: site.site_id, locked_until: null }).execute();
  const person = await aPendingPerson(db, new Date(), { firstNames: 'Inès', birthName: 'GARNIER' });
  const chosen = { identifiant: `ines.garnier.${tag}`, password: 'Azur-Lagon-7x!', email: person.email };
  const helped = 'Avec l’aide d’un conseiller France Services (Karim Benali (France Services), France Services de Guéret)';

  await passwordThenOtp(page, '/accompagnement/connexion', advisor);
  await expect(page).toHaveURL(/\/accompagnement$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Commencer un accompagnement' })).toBeVisible();
  await expectAccessible(page);

  // FS-2: without the presence box, nothing starts and the error is tied to the box.
  await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
  await page.getByRole('button', { name: 'Commencer l’accompagnement' }).click();
  const presence = page.getByLabel('La personne est présente et a donné son accord');
  await expect(page.locator('#presenceConfirmed-error')).toContainText('Cochez la case pour confirmer que la personne est présente et a donné son accord.');
  await expect(presence).toHaveAttribute('aria-describedby', /presenceConfirmed-error/);
  await expect(page).toHaveURL(/\/accompagnement$/);
  await expectAccessible(page);

  await presence.check();
  await page.getByRole('button', { name: 'Commencer l’accompagnement' }).click();
  await expect(page).toHaveURL(/\/accompagnement\/visite$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement de Inès GARNIER' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Inès GARNIER \(personne présente\)/ })).not.toContainText('Activé');
  await expectAccessible(page);

  // FS-3, ACT-1..9: the person activates their own profile; every secret goes into a password field.
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
  await expect(page.getByLabel(/^Confirmation du mot de passe/)).toHaveAttribute('type', 'password');
  await page.getByLabel('Identifiant').fill(chosen.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(chosen.password);
  await page.getByLabel(/^Confirmation du mot de passe/).fill(chosen.password);
  const since = Date.now();
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer l’adresse électronique' })).toBeVisible();
  await expectAccessible(page);
  await expect(page.getByLabel('Code reçu par courriel')).toHaveAttribute('type', 'password');
  await page.getByLabel('Code reçu par courriel').fill(otpIn(await waitForMail(person.email, /Votre code/, since)));
  await page.getByRole('button', { name: 'Activer le profil' }).click();

  await expect(page.getByText('Le profil est activé')).toBeVisible();
  await expect(page.getByRole('row', { name: /Inès GARNIER \(personne présente\)/ })).toContainText('Activé');
  await expect(page.getByText(chosen.password)).toHaveCount(0);
  await expect(page.getByText(person.code)).toHaveCount(0);

  // FS-3, NOT-1: the person, now activated, unticks one notification on the advisor's screen.
  await page.getByRole('link', { name: 'Régler les notifications de Inès GARNIER' }).click();
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
  await expectAccessible(page);
  // FS-2, IDOR: a guessed receipt id answers 404, even during a visit.
  expect((await page.request.get(`/accompagnement/visite/recepisse/${randomUUID()}`)).status()).toBe(404);
  await page.goto('/accompagnement/visite');

  // FS-2: « Terminer l’accompagnement », then the summary to print (FS-3) listing both actions.
  await page.getByRole('button', { name: 'Terminer l’accompagnement' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Récapitulatif de votre accompagnement' })).toBeVisible();
  await expect(page.getByText('Profil activé pour Inès GARNIER')).toBeVisible();
  await expect(page.getByText('Préférences de notification modifiées pour Inès GARNIER')).toBeVisible();
  await expect(page.getByText('France Services de Guéret (Guéret)')).toBeVisible();
  await expect(page.getByText('Karim', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Imprimer le récapitulatif' })).toBeVisible();
  await expectAccessible(page);
  const pdf = await page.request.get(`${page.url()}/pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  // IDOR: another visit's summary (another advisor's, or a guessed id) is « introuvable », page and PDF alike.
  const other = await db.selectFrom('assisted_visits').innerJoin('staff_users', 'staff_users.id', 'assisted_visits.advisor_id')
    .select('assisted_visits.id').where('staff_users.identifiant', '!=', advisor.identifiant).limit(1).executeTakeFirst();
  for (const id of [randomUUID(), ...(other ? [other.id] : [])]) {
    expect((await page.request.get(`/accompagnement/recapitulatif/${id}`)).status(), id).toBe(404);
    expect((await page.request.get(`/accompagnement/recapitulatif/${id}/pdf`)).status(), id).toBe(404);
  }

  // FS-2: the visit is over: its pages send the advisor back to their home.
  for (const url of ['/accompagnement/visite/notifications', '/accompagnement/visite/activation']) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/accompagnement$/);
  }

  // FS-5: the person signs in with what they chose and sees both actions as done with the advisor's help.
  const context = await browser.newContext({ baseURL: new URL(page.url()).origin, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const own = await context.newPage();
  await passwordThenOtp(own, '/connexion', chosen);
  await expect(own.getByRole('heading', { level: 1, name: 'Bonjour Inès' })).toBeVisible();
  await own.goto('/espace/historique');
  await expect(own.getByRole('heading', { level: 1, name: 'Historique d’activité' })).toBeVisible();
  await expect(own.getByRole('row').filter({ hasText: 'Activation du profil' })).toContainText(helped);
  // One line per channel saved (courriel, SMS, application), each marked as helped.
  const lines = own.getByRole('row').filter({ hasText: 'Modification des préférences de notification' });
  await expect(lines.first()).toBeVisible();
  for (const line of await lines.all()) await expect(line).toContainText(helped);
  await expectAccessible(own);
  await context.close();
});
