import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

/** 'YYYY-MM-DD' a few days ago, for the document's date field. */
const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * MEA-4: a patient uploads a TXT compte rendu « Poids : 71,5 kg »; the worker reads it and the weight
 * appears in « Mes mesures », naming its document with a link; deleting the document (its confirmation
 * says so) removes the value; the setting is switched off from the Mesures page.
 */
test('MEA-4: a weight read from an uploaded report shows with a link to its document, goes with it, and the reading can be switched off', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);

  // On by default, explained on the Mesures page.
  await page.goto('/espace/mesures');
  const setting = page.getByRole('checkbox', { name: 'Récupération automatique des données des documents' });
  await expect(setting).toBeChecked();
  await expect(setting).toHaveAccessibleDescription(/le poids, la taille et le périmètre crânien qu’il indique sont ajoutés aux mesures/);

  await page.goto('/espace/documents');
  await page.getByRole('link', { name: 'Ajouter un document de santé' }).click();
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'compte-rendu.txt', mimeType: 'text/plain',
    buffer: Buffer.from('Compte rendu de consultation\nPoids : 71,5 kg\nExamen sans particularité.\n', 'utf-8') });
  await page.getByLabel(/^Titre/).fill('Consultation du Dr Martin');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Comptes rendus' });
  await page.getByLabel('Date du document').fill(isoDaysAgo(3));
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByText('Document ajouté')).toBeVisible();
  const documentUrl = new URL(page.url()).pathname;

  // The worker reads the document within moments.
  const weightRow = page.getByRole('table', { name: 'Dernières valeurs' }).getByRole('row', { name: /^Poids/ });
  await expect(async () => {
    await page.goto('/espace/mesures');
    await expect(weightRow).toContainText(/71,5\s*kg/, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  await expect(weightRow).toContainText('Extrait du document « Consultation du Dr Martin »');
  await expectAccessible(page);

  // The weight page: the value's origin links to its document; it cannot be deleted on its own.
  await page.goto('/espace/mesures/poids');
  const values = page.getByRole('table', { name: 'Valeurs enregistrées' });
  await expect(values.getByRole('row').nth(1)).toContainText('Non supprimable ici');
  await values.getByRole('link', { name: 'Consultation du Dr Martin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Consultation du Dr Martin' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe(documentUrl);

  // Deleting the document: the confirmation says the value goes too, and it does.
  await page.getByRole('link', { name: 'Supprimer ce document' }).click();
  await expect(page.getByText('La mesure récupérée automatiquement de ce document sera aussi supprimée de vos mesures.')).toBeVisible();
  await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(page.getByText('Document supprimé')).toBeVisible();
  await page.goto('/espace/mesures');
  await expect(weightRow).toContainText('Aucune valeur');

  // Switched off, the choice is kept.
  await setting.uncheck();
  await page.getByRole('button', { name: 'Enregistrer ce réglage' }).click();
  await expect(page.getByText('Récupération automatique désactivée')).toBeVisible();
  await expect(setting).not.toBeChecked();
  await expectAccessible(page);
});
