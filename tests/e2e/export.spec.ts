import type { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import yauzl from 'yauzl';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { otpIn, waitForMail } from './support/mail';
import { anActivePatient } from './support/people';

async function entryNames(zip: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const names: string[] = [];
      file.on('entry', (e: yauzl.Entry) => { names.push(e.fileName); file.readEntry(); });
      file.on('end', () => resolve(names));
      file.readEntry();
    });
  });
}

test('CLO-12: a patient confirms with a fresh code, waits for the file and downloads a ZIP with their documents', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  // A document to find in the ZIP.
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText('Ordonnance');
  await page.goto('/espace/documents/ajouter');
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'ordonnance.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
  await page.getByLabel(/^Titre/).fill('Ordonnance');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Ordonnances et soins' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByText('Document ajouté')).toBeVisible();

  await page.goto('/espace');
  await page.getByRole('link', { name: 'Télécharger mes données' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Télécharger mes données' })).toBeVisible();
  await expectAccessible(page);
  const since = Date.now();
  await page.getByRole('button', { name: 'Recevoir un code par courriel' }).click();
  const mail = await waitForMail(patient.email, /Votre code/, since);
  expect(mail.text).toContain('téléchargement de vos données');

  // A wrong code first: the error is tied to the field.
  await page.getByLabel('Code reçu par courriel').fill(otpIn(mail) === '000000' ? '111111' : '000000');
  await page.getByRole('button', { name: 'Confirmer et préparer le fichier' }).click();
  await expect(page.locator('#code-error')).toContainText('Code incorrect');
  await expectAccessible(page);
  await page.getByLabel('Code reçu par courriel').fill(otpIn(mail));
  await page.getByRole('button', { name: 'Confirmer et préparer le fichier' }).click();
  await expect(page.getByText('Demande enregistrée')).toBeVisible();

  // The worker builds it; the page shows the link once it is ready.
  const link = page.getByRole('link', { name: /Télécharger le fichier ZIP/ });
  await expect(async () => {
    await page.reload();
    await expect(link).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expectAccessible(page);
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^mon-espace-sante-donnees-\d{4}-\d{2}-\d{2}\.zip$/);
  const chunks: Buffer[] = [];
  for await (const c of (await download.createReadStream()) as Readable) chunks.push(c as Buffer);
  expect((await entryNames(Buffer.concat(chunks))).sort()).toEqual(['LISEZMOI.txt', 'documents/001-Ordonnance.pdf', 'donnees-de-sante.fhir.json', 'historique.csv']);
});
