import path from 'node:path';
import { expect, expectAccessible, test } from './support/fixtures';
import { aStaffMember } from '../factories';
import { passwordThenOtp } from './support/flows';

/** BO-1 through the back-office: upload the sample file, follow the import, read the rejection report. */
test('BO-1: an agent imports the population file and downloads the rejection report', async ({ page, db }, testInfo) => {
  // Its own agent: the demo agent's login codes are capped (ACT-11) and other tests use them.
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Population assurée' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Population assurée' })).toBeVisible();
  await expectAccessible(page);

  // Without a file: the browser would block it; posting anyway gets a French error.
  await page.getByLabel(/Fichier CSV/).setInputFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
  await page.getByRole('button', { name: 'Importer le fichier' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choisissez un fichier CSV non vide.' })).toBeVisible();

  const sample = path.join(process.cwd(), 'public/exemples/population-exemple.csv');
  const broken = `${(await import('node:fs')).readFileSync(sample, 'utf8')}123;1;X;Y;01/01/2050;1;75056;99;;;;;non;non\n`;
  const file = testInfo.outputPath('population.csv');
  (await import('node:fs')).writeFileSync(file, broken);
  await page.getByLabel(/Fichier CSV/).setInputFiles(file);
  await page.getByRole('button', { name: 'Importer le fichier' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import « population.csv »' })).toBeVisible();
  await expect(page.getByText('Terminé')).toBeVisible({ timeout: 20_000 });
  const figure = (label: string) => page.locator('dl > div').filter({ hasText: label }).locator('dd');
  await expect(figure('Lignes lues')).toHaveText('6');
  await expect(figure('Acceptées')).toHaveText('5');
  await expect(figure('Lignes rejetées')).toHaveText('1');
  await expect(page.getByRole('cell', { name: 'Département inconnu : « 99 ».' })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger le rapport des rejets/ }).click();
  const report = await (await download).path();
  const text = (await import('node:fs')).readFileSync(report, 'utf8');
  expect(text).toContain('ligne;colonne;motif');
  expect(text).toContain('7;departement;Département inconnu : « 99 ».');
  expect(text).toContain('7;date_naissance;La date de naissance est dans le futur.');
});
