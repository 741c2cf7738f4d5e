import { writeFileSync, readFileSync } from 'node:fs';
import { aNir, aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

const HEADER = 'identifiant_ligne;nir;date_soins;categorie;libelle;specialite_prescripteur;acte_confidentiel_mineur';

/** HIS-1..3 through the back-office and the patient's space: the feed is imported, the patient reads it by year. */
test('HIS-1, HIS-2, HIS-3: an agent imports a reimbursement file; the patient sees the episodes by year and filters them', async ({ page, db }, testInfo) => {
  const patient = await anActivePatient(db);
  const run = Date.now();
  const file = testInfo.outputPath('remboursements.csv');
  writeFileSync(file, [
    HEADER,
    `e2e-${run}-1;${patient.nir};14/01/2026;MEDICAL_DENTAL_CARE;Consultation de médecine générale;;non`,
    `e2e-${run}-2;${patient.nir};14/01/2026;MEDICINE;Ibuprofène 400 mg, comprimé;Médecine générale;non`,
    `e2e-${run}-3;${patient.nir};17/10/2025;VACCINE;Vaccin contre la grippe saisonnière;Médecine générale;non`,
    `e2e-${run}-4;${aNir()};17/10/2025;VACCINE;Vaccin contre la grippe saisonnière;;non`,
  ].join('\n'));

  // The agent uploads the file (its own agent: the demo agent's login codes are capped, ACT-11).
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Remboursements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Remboursements (histoire de santé)' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/Fichier CSV/).setInputFiles(file);
  await page.getByRole('button', { name: 'Importer le fichier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import « remboursements.csv »' })).toBeVisible();
  await expect(page.getByText('Terminé')).toBeVisible({ timeout: 20_000 });
  const figure = (label: string) => page.locator('dl > div').filter({ hasText: label }).locator('dd');
  await expect(figure('Lignes lues')).toHaveText('4');
  await expect(figure('Soins ajoutés')).toHaveText('3');
  await expect(figure('Lignes rejetées')).toHaveText('1');
  await expect(page.getByRole('cell', { name: 'NIR inconnu : aucun profil Mon espace santé pour ce bénéficiaire.' })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger le rapport des rejets/ }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toContain('5;nir;NIR inconnu');

  // The patient reads Mon histoire de santé, newest year first.
  await page.context().clearCookies();
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Histoire de santé' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon histoire de santé' })).toBeVisible();
  await expect(page.getByText(/construite automatiquement à partir des remboursements/)).toBeVisible();
  const years = page.getByRole('heading', { level: 2, name: /^\d{4}$/ });
  await expect(years).toHaveText(['2026', '2025']);
  const of2026 = page.getByRole('region', { name: 'Soins remboursés en 2026' });
  // Two care lines of one day: both listed (their order within the day is not specified).
  await expect(of2026.getByRole('rowheader')).toHaveCount(2);
  await expect(of2026.getByRole('rowheader', { name: 'Consultation de médecine générale' })).toBeVisible();
  await expect(of2026.getByRole('row').filter({ hasText: 'Ibuprofène' })).toContainText('Médecine générale');
  await expect(of2026.getByRole('row').filter({ hasText: 'Ibuprofène' })).toContainText('14 janvier 2026');
  await expectAccessible(page);

  // HIS-2: filter by category.
  await page.getByLabel('Catégorie', { exact: true }).selectOption({ label: 'Vaccins' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(years).toHaveText(['2025']);
  await expect(page.getByRole('rowheader')).toHaveText(['Vaccin contre la grippe saisonnière']);
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Voir toutes les catégories' }).click();
  await expect(years).toHaveText(['2026', '2025']);
});

/** HIS-7: from the history, one tap puts a reimbursed medicine into Traitements; a second tap is not offered. */
test('HIS-7: the patient adds a reimbursed medicine to Traitements in one tap and finds it there; another profile’s episode answers 404', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  const stranger = await anActivePatient(db);
  const run = Date.now();
  const episode = (profileId: string, n: number, category: 'MEDICINE' | 'VACCINE' | 'BIOLOGY', label: string) => ({
    profile_id: profileId, claim_line_id: `e2e-his7-${run}-${n}`, care_date: '2025-03-14', category, label, prescriber_specialty: 'Médecine générale', import_id: null });
  const [, , , theirs] = await db.insertInto('care_episodes').values([
    episode(patient.profileId, 1, 'MEDICINE', 'DOLIPRANE 1000 mg, comprimé effervescent sécable'),
    episode(patient.profileId, 2, 'VACCINE', 'Vaccin contre la grippe saisonnière'),
    episode(patient.profileId, 3, 'BIOLOGY', 'Numération formule sanguine'),
    episode(stranger.profileId, 4, 'MEDICINE', 'Amoxicilline 1 g, comprimé'),
  ]).returning('id').execute();

  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/histoire-de-sante');
  await expect(page.getByRole('heading', { level: 1, name: 'Mon histoire de santé' })).toBeVisible();
  const row = (label: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: label }) });
  await expect(row('Vaccin contre la grippe saisonnière').getByRole('button', { name: /^Ajouter à mes vaccinations/ })).toBeVisible();
  await expect(row('Numération formule sanguine').getByRole('button')).toHaveCount(0);
  await expectAccessible(page);

  await row('DOLIPRANE 1000 mg, comprimé effervescent sécable').getByRole('button', { name: /^Ajouter à mes traitements/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Ajouté à vos traitements' })).toBeVisible();
  await expect(row('DOLIPRANE 1000 mg, comprimé effervescent sécable')).toContainText('Déjà dans vos traitements');
  await expect(row('DOLIPRANE 1000 mg, comprimé effervescent sécable').getByRole('button')).toHaveCount(0);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Voir mes traitements' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Traitements' })).toBeVisible();
  const treatments = page.getByRole('region', { name: 'Informations enregistrées' });
  await expect(treatments).toContainText('DOLIPRANE 1000 mg, comprimé effervescent sécable');
  await expect(treatments).toContainText('14/03/2025');
  await expect(treatments).toContainText('Code CIP : 3400935294227');
  await expectAccessible(page);

  // A guessed episode id of another profile, slipped into the form: 404, nothing added.
  await page.goto('/espace/histoire-de-sante');
  const form = row('Vaccin contre la grippe saisonnière').locator('form');
  await form.locator('input[name="episodeId"]').evaluate((input, id) => { (input as HTMLInputElement).value = id; }, theirs!.id);
  await form.getByRole('button').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  expect(await db.selectFrom('medical_entries').select('id').where('profile_id', 'in', [patient.profileId, stranger.profileId]).execute()).toHaveLength(1);
});
