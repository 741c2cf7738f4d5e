import { DEMO } from '@/db/seed';
import { matrixCsvRows } from '@/lib/access-matrix/csv';
import { DEFAULT_MATRIX } from '@/lib/access-matrix/default-matrix';
import { writeFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_PATIENT, passwordThenOtp } from './support/flows';

const HEADER = 'profession;specialite;type;code;decision';

/** BO-7, PRO-9, PRO-10: the demo supervisor publishes a version in force today; Marie reads the new decision. */
test('BO-7, PRO-9, PRO-10: a supervisor publishes a matrix version effective today and the patient sees it', async ({ page }, testInfo) => {
  const bad = testInfo.outputPath('matrice-erreur.csv');
  writeFileSync(bad, [HEADER, '80;;CATEGORY;BIOLOGIE;ALLOW', '80;;CATEGORY;BIOLOGIE;PEUT-ETRE'].join('\n'));
  // Version 1 with one change (a new version replaces all rules, and other specs read documents under it).
  const good = testInfo.outputPath('matrice.csv');
  const rules = DEFAULT_MATRIX.rules.map((r) => (r.professionCode === '80' && r.targetKind === 'CATEGORY' && r.targetCode === 'BIOLOGIE' ? { ...r, decision: 'ALLOW' as const } : r));
  writeFileSync(good, [HEADER, ...matrixCsvRows(rules).map((row) => row.join(';'))].join('\n'));

  await passwordThenOtp(page, '/admin/connexion', DEMO.supervisor);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Matrice d’habilitation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Matrice d’habilitation' })).toBeVisible();
  const biology = () => page.getByRole('table', { name: /Règles par catégorie/ }).getByRole('row', { name: /^Résultats de biologie/ });
  await expect(biology().getByRole('cell').nth(6)).toHaveText('Non autorisé'); // version 1: podiatrists do not read biology
  await expectAccessible(page);

  // One wrong line: nothing is published and the error names the line, on the file field.
  await page.getByLabel(/Fichier CSV de la nouvelle version/).setInputFiles(bad);
  await page.getByLabel(/^Note/).fill('Essai avec une erreur');
  await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
  await expect(page.locator('#fichier-error')).toContainText('ligne 3 (decision) : « PEUT-ETRE »');
  await expect(page.getByLabel(/Fichier CSV de la nouvelle version/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  await page.getByLabel(/Fichier CSV de la nouvelle version/).setInputFiles(good);
  await page.getByLabel(/^Note/).fill('Les podologues lisent la biologie (suivi du pied diabétique)');
  await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
  await expect(page.getByText(/Version \d+ publiée/)).toBeVisible();
  await expect(page.getByText(/^Version \d+, en vigueur depuis le .* Les podologues lisent la biologie/)).toBeVisible();
  await expect(biology().getByRole('cell').nth(6)).toHaveText('Autorisé');
  await expectAccessible(page);

  // The patient browses the same version, read-only (PRO-10).
  await page.context().clearCookies();
  await passwordThenOtp(page, '/connexion', DEMO_PATIENT);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/confidentialite');
  await page.getByRole('link', { name: /Qui peut voir quels documents/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Qui peut voir quels documents' })).toBeVisible();
  await expect(page.getByText(/seulement les restreindre : en masquant des documents ou en bloquant un professionnel de santé/)).toBeVisible();
  const table = page.getByRole('table', { name: 'Les professionnels autorisés peuvent accéder aux documents suivants' });
  await expect(table.getByRole('row', { name: /^Résultats de biologie/ }).getByRole('cell').nth(6)).toHaveText('Autorisé');
  await expect(table.getByRole('row', { name: /^Comptes rendus/ }).getByRole('cell').nth(1)).toHaveText('Non autorisé'); // pharmacists, unchanged
  await expect(page.getByRole('table', { name: 'Exceptions pour certains documents' }).getByRole('row', { name: /Les pédicures-podologues CR d’accouchement/ }))
    .toContainText('CR d’accouchement (15508-5)Non autorisé');
  await expectAccessible(page);
});
