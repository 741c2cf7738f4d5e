import { randomUUID } from 'node:crypto';
import { hashPassword } from '@/lib/auth/passwords';
import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_ADVISOR } from './support/flows';
import { tabTo, typeInto } from './support/keyboard';
import { otpIn, waitForMail } from './support/mail';
import { anActivePatient, typed } from './support/people';

/**
 * RGAA keyboard, FS-2, FS-3, FS-5: the whole assisted visit by keyboard only (Tab, typing, Space, Enter):
 * the advisor signs in, starts the visit, the person changes their email with the code sent to it, then
 * asks to close their profile (CLO-2), the advisor ends the visit and the summary lists both.
 */
test('FS-2, FS-3 by keyboard only: sign in, start a visit, change the person’s email with its code, close the profile, end with the summary', async ({ page, db }) => {
  const site = await db.selectFrom('staff_users').select('site_id').where('identifiant', '=', DEMO_ADVISOR.identifiant).executeTakeFirstOrThrow();
  const tag = randomUUID().slice(0, 8);
  const advisor = { identifiant: `conseiller.clavier.${tag}`, password: 'Conseil-Clavier-2026!', email: `clavier.${tag}@france-services.test` };
  await db.insertInto('staff_users').values({ kind: 'ADVISOR', identifiant: advisor.identifiant, password_hash: await hashPassword(advisor.password),
    email: advisor.email, display_name: 'Nadia Petit (France Services)', site_id: site.site_id, locked_until: null }).execute();
  const person = await anActivePatient(db);
  const newEmail = `camille.${tag}@exemple.test`;

  // Sign in: identifiant, password, then the emailed code.
  await page.goto('/accompagnement/connexion');
  await typeInto(page, page.getByLabel('Identifiant'), advisor.identifiant);
  await typeInto(page, page.getByLabel(/^Mot de passe/), advisor.password);
  let since = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Saisir le code de connexion' })).toBeVisible();
  await typeInto(page, page.getByLabel('Code reçu par courriel'), otpIn(await waitForMail(advisor.email, /Votre code/, since)));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Commencer un accompagnement' })).toBeVisible();

  // FS-2: the carte Vitale, the presence box (Space), then Enter on the button.
  await typeInto(page, page.getByLabel('Numéro de sécurité sociale'), person.nir);
  await typeInto(page, page.getByLabel('Numéro de série de la carte Vitale'), person.vitaleSerial);
  await typeInto(page, page.getByLabel('Date de naissance'), typed(person.birthDate));
  await tabTo(page, page.getByLabel('La personne est présente et a donné son accord'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Commencer l’accompagnement' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement de Camille TESTEUR' })).toBeVisible();

  // FS-3: the person's new email, confirmed by the code they receive.
  await tabTo(page, page.getByRole('link', { name: 'Modifier les coordonnées de Camille TESTEUR' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Coordonnées de la personne' })).toBeVisible();
  await expectAccessible(page);
  await typeInto(page, page.getByRole('textbox', { name: 'Nouvelle adresse électronique' }), newEmail);
  since = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toContainText('vient d’être envoyé à l’adresse c•••@exemple.test');
  await typeInto(page, page.getByRole('textbox', { name: 'Code reçu' }), otpIn(await waitForMail(newEmail, /Votre code/, since)));
  await page.keyboard.press('Enter');
  await expect(page.getByText('La nouvelle adresse électronique est enregistrée.')).toBeVisible();
  await expect(page.getByText(`Adresse électronique de la personne : ${newEmail}`)).toBeVisible();
  await expectAccessible(page);

  // FS-3, CLO-2: the person then asks to close their profile; without the confirmation box nothing happens.
  await tabTo(page, page.getByRole('link', { name: '← Accompagnement en cours' }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Fermer le profil de Camille TESTEUR' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Fermer un profil ou demander la suppression des données' })).toBeVisible();
  await expectAccessible(page);
  const confirm = page.getByLabel('La personne confirme sa demande de fermeture ; je lui ai lu les conséquences');
  const close = page.getByRole('button', { name: 'Fermer le profil de Camille TESTEUR' });
  await tabTo(page, close);
  await page.keyboard.press('Enter');
  await expect(confirm).toHaveAccessibleDescription(/Cochez la case pour confirmer que la personne demande la fermeture de ce profil/);
  await expectAccessible(page);
  await tabTo(page, confirm);
  await page.keyboard.press('Space');
  await tabTo(page, close);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Accompagnement de Camille TESTEUR' })).toBeVisible();
  await expect(page.getByText('Le profil est fermé')).toBeVisible();
  await expect(page.getByRole('row', { name: /Camille TESTEUR \(personne présente\)/ })).toContainText('Fermé');
  expect(await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow()).toEqual({ state: 'CLOSED' });

  // FS-2: « Terminer l’accompagnement », the summary.
  await tabTo(page, page.getByRole('button', { name: 'Terminer l’accompagnement' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Récapitulatif de votre accompagnement' })).toBeVisible();
  await expect(page.getByText('Coordonnées modifiées pour Camille TESTEUR')).toBeVisible();
  await expect(page.getByText('Profil fermé pour Camille TESTEUR')).toBeVisible();
  await expect(page.getByText(/Le profil est fermé : plus personne n’y a accès/)).toBeVisible();
  await expectAccessible(page);
});
