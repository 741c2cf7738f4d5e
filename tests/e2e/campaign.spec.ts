import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { closeWindows } from '@/lib/campaigns/close-windows';
import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { codeProvisoireIn, otpIn, waitForMail } from './support/mail';
import { aPopulationFile } from './support/population-file';
import { typed } from './support/people';

/** One of the figures of the campaign page, by its exact label. */
const figure = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

/**
 * BO-1, CMP-1..9 end to end: an agent imports a population file, creates and launches a campaign on it,
 * the worker sends the notices through SMTP and prints the letter batch; one person objects, one
 * activates, the windows close, and the campaign page reports it. Département 23 is used by no other spec.
 */
test('BO-1, CMP-1..9: a campaign from the population file to opposition, activation and creation rates', async ({ page, db }, testInfo) => {
  test.setTimeout(180_000); // two logins, an import, a real dispatch and an activation: about a minute on a quiet machine
  const run = Date.now().toString(36);
  const { people, csv } = aPopulationFile('23', [
    { sex: 2, firstNames: 'Alice', birthName: 'AUCLAIR', birthDate: '1971-05-14', email: `alice.${run}@exemple.test` },
    { sex: 1, firstNames: 'Bruno', birthName: 'BESSE', birthDate: '1983-11-02', email: `bruno.${run}@exemple.test` },
    { sex: 2, firstNames: 'Chloé', birthName: 'CHAMBON', birthDate: '1990-07-21', email: `chloe.${run}@exemple.test` },
    { sex: 1, firstNames: 'Denis', birthName: 'DUMAS', birthDate: '1962-02-09', email: null },
  ]);
  const [alice, bruno] = people as [typeof people[0], typeof people[0]];
  const file = testInfo.outputPath('creuse.csv');
  writeFileSync(file, csv);

  // 1. The agent imports the file.
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  const menu = page.getByRole('navigation', { name: 'Menu principal' });
  await menu.getByRole('link', { name: 'Population assurée' }).click();
  await page.getByLabel(/Fichier CSV/).setInputFiles(file);
  await page.getByRole('button', { name: 'Importer le fichier' }).click();
  await expect(page.getByText('Terminé')).toBeVisible({ timeout: 20_000 });
  await expect(figure(page, 'Acceptées')).toHaveText('4');

  // 2. A new campaign: a wrong département is refused on its field, then the estimate, then creation.
  await menu.getByRole('link', { name: 'Campagnes', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campagnes de création' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Nouvelle campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle campagne' })).toBeVisible();
  await expectAccessible(page);
  const name = `Creuse ${run}`;
  await page.getByLabel('Nom de la campagne').fill(name);
  await page.getByLabel('Départements').fill('23, 99');
  await page.getByRole('button', { name: 'Estimer le nombre de destinataires' }).click();
  await expect(page.locator('#departements-error')).toContainText('Le département « 99 » n’existe pas.');
  await expect(page.getByLabel('Départements')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Départements').fill('23');
  await page.getByRole('button', { name: 'Estimer le nombre de destinataires' }).click();
  await expect(page.getByRole('status')).toContainText('4 personnes, dont 1 par courrier postal et 0 enfant (avis adressé au parent principal).');
  await expect(page.getByLabel('Nom de la campagne')).toHaveValue(name);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('En préparation', { exact: true })).toBeVisible();
  await expectAccessible(page);

  // 3. A launch time in the past is refused on its field; then the agent launches now.
  await page.getByLabel('Date de lancement').fill('01/01/2020');
  await page.getByLabel('Heure de lancement').fill('09:00');
  await page.getByRole('button', { name: 'Programmer' }).click();
  await expect(page.locator('#scheduledAt-error')).toContainText('Choisissez une date et une heure à venir.');
  await page.getByRole('button', { name: 'Annuler la campagne' }).click();
  await expect(page.locator('#confirm-error')).toContainText('Cochez la case pour confirmer l’annulation.');
  await expectAccessible(page);
  const launchedAt = Date.now();
  await page.getByRole('button', { name: 'Lancer maintenant' }).click();
  await expect(page.getByText('La campagne est lancée')).toBeVisible();

  // 4. The worker sends 3 emails and prints 1 letter; the page follows by itself until the end.
  await expect(page.getByText('Terminée', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Avancement des envois')).toHaveAttribute('value', '4');
  await expect(page.getByText(/^100\s%\straités : 4 sur 4 destinataires sélectionnés\.$/)).toBeVisible();
  await expect(figure(page, 'Envoyés')).toHaveText('3');
  await expect(figure(page, 'Courriers')).toHaveText('1');
  await expect(figure(page, 'En file d’attente')).toHaveText('0');
  await expect(page.getByRole('button', { name: 'Lancer maintenant' })).toHaveCount(0);
  await expectAccessible(page);
  const pdf = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le lot n° 1 (PDF)' }).click();
  expect(readFileSync(await (await pdf).path()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.getByRole('button', { name: 'Déclarer le lot n° 1 déposé' }).click();
  await expect(page.getByText('Le lot est déclaré déposé à La Poste')).toBeVisible();
  await expect(figure(page, 'Courriers déposés')).toHaveText('1');
  await expect(page.getByRole('link', { name: /Télécharger le lot/ })).toHaveCount(0);
  const campaignPage = page.url();

  // 5. Alice objects on the public site and downloads her receipt (OPP-3, OPP-6).
  await page.context().clearCookies();
  await page.goto('/opposition');
  await page.getByLabel('Numéro de sécurité sociale').fill(alice.nir);
  await page.getByLabel('Carte Vitale avec photo').check();
  await page.getByLabel('Numéro de série de la carte Vitale').fill(alice.vitaleSerial);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel(/Moi-même : Alice AUCLAIR/).check();
  await page.getByRole('button', { name: 'Confirmer mon opposition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Votre opposition est enregistrée' })).toBeVisible();
  const receipt = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger le récépissé OPP-\d{4}-\d{8} \(Alice AUCLAIR, PDF\)/ }).click();
  expect(readFileSync(await (await receipt).path()).subarray(0, 5).toString()).toBe('%PDF-');

  // 6. Bruno activates with the code of the notice the campaign emailed him (CMP-5, ACT-1..9).
  const notice = await waitForMail(bruno.email!, /Votre profil Mon espace santé/, launchedAt, 30_000);
  await page.goto('/activation');
  await page.getByLabel('Numéro de sécurité sociale').fill(bruno.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(bruno.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(bruno.birthDate));
  await page.getByLabel('Code provisoire').fill(codeProvisoireIn(notice));
  await page.getByLabel(/J’ai lu et j’accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();
  await page.getByLabel(/^Identifiant/).fill(`bruno.besse.${run}`);
  await page.getByLabel(/^Mot de passe/).fill('Soleil-Vert-2026!');
  await page.getByLabel('Confirmation du mot de passe').fill('Soleil-Vert-2026!');
  const otpSince = Date.now();
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();
  await page.getByLabel('Code reçu par courriel').fill(otpIn(await waitForMail(bruno.email!, /Votre code/, otpSince)));
  await page.getByRole('button', { name: 'Activer mon profil' }).click();
  await expect(page.getByText('Votre profil est activé')).toBeVisible();

  // 7. The windows close (CMP-4: the day after sent + 42 days); the campaign page reports it all.
  await closeWindows(db, new Date(Date.now() + 60 * 24 * 3600 * 1000));
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(campaignPage);
  await expect(figure(page, 'Oppositions')).toHaveText('1');
  await expect(figure(page, 'Profils activés')).toHaveText('1');
  await expect(figure(page, 'Profils créés')).toHaveText('3');
  const row23 = page.getByRole('table', { name: 'Par département (depuis le premier envoi)' }).getByRole('row', { name: /^23 / });
  await expect(row23).toHaveText(/23\s*4\s*1 \(25\s%\)\s*3 \(75\s%\)\s*1 \(25\s%\)/);
  await expect(page.getByRole('img', { name: /Taux d’opposition, de création et d’activation/ })).toBeVisible();
  await expectAccessible(page);

  // 8. All campaigns, filtered on the département.
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Campagnes', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Terminée');
  await page.getByRole('link', { name: 'Statistiques de toutes les campagnes' }).click();
  await page.getByRole('combobox', { name: 'Département' }).selectOption('23');
  await page.getByRole('button', { name: 'Afficher' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Toutes les campagnes, département 23' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Par département (depuis le premier envoi)' }).getByRole('row')).toHaveCount(2);
  await expectAccessible(page);
});
