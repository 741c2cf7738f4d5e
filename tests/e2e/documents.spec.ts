import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
async function aPdf(text: string) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

test('DOC-1..3, DOC-5, DOC-7, VIS-2: a patient adds a PDF and photos, previews them, masks one and deletes one', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  await page.getByRole('link', { name: 'Documents' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes documents' })).toBeVisible();
  await expect(page.getByText('Aucun document pour le moment.')).toBeVisible();
  await expectAccessible(page);

  // DOC-2: a picture disguised as a PDF is refused, the error tied to the file field, the title kept.
  await page.getByRole('link', { name: 'Ajouter un document de santé' }).click();
  await expectAccessible(page);
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: PNG });
  await page.getByLabel(/^Titre/).fill('Compte rendu de cardiologie');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Comptes rendus' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.locator('#fichier-error')).toContainText('ne correspond pas à un fichier PDF');
  await expect(page.getByLabel(/Fichier ou photos/)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel(/^Titre/)).toHaveValue('Compte rendu de cardiologie');
  await expectAccessible(page);

  // DOC-2, DOC-3: a real PDF, previewed in the page.
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'compte-rendu.pdf', mimeType: 'application/pdf', buffer: await aPdf('Cardiologie') });
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Comptes rendus' });
  await page.getByLabel('Date du document').fill('2026-11-02');
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compte rendu de cardiologie' })).toBeVisible();
  await expect(page.getByText('Document ajouté')).toBeVisible();
  await expect(page.locator('iframe[title="Aperçu du document « Compte rendu de cardiologie »"]')).toBeVisible();
  const pdfUrl = await page.locator('iframe').getAttribute('src');
  const file = await page.request.get(pdfUrl!);
  expect(file.status()).toBe(200);
  expect(file.headers()['content-type']).toBe('application/pdf');
  expect(file.headers()['x-frame-options']).toBe('SAMEORIGIN');
  await expectAccessible(page);

  // VIS-2: "Modifier la confidentialité": masked to professionals, shown as such in the list.
  await page.getByRole('button', { name: 'Masquer aux professionnels de santé' }).click();
  await expect(page.getByText('Document masqué aux professionnels de santé')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rendre visible aux professionnels de santé' })).toBeVisible();
  await expectAccessible(page);

  // DOC-2: two photos of one prescription become one PDF document.
  await page.goto('/espace/documents/ajouter');
  await page.getByLabel(/Fichier ou photos/).setInputFiles([
    { name: 'page1.png', mimeType: 'image/png', buffer: PNG }, { name: 'page2.png', mimeType: 'image/png', buffer: PNG }]);
  await page.getByLabel(/^Titre/).fill('Ordonnance en photos');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Ordonnances et soins' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ordonnance en photos' })).toBeVisible();
  await expect(page.locator('iframe[title="Aperçu du document « Ordonnance en photos »"]')).toBeVisible();

  // DOC-1: the list, sorted by title, with the mask shown; DOC-7: delete the photos by their checkbox.
  await page.getByRole('link', { name: '← Tous les documents' }).click();
  await page.getByLabel('Trier par').selectOption('titre');
  await page.getByRole('button', { name: 'Appliquer' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.nth(1)).toContainText('Compte rendu de cardiologie');
  await expect(rows.nth(1)).toContainText('Masqué aux professionnels');
  await expect(rows.nth(2)).toContainText('Ordonnance en photos');
  await expectAccessible(page);
  await page.getByLabel('Sélectionner « Ordonnance en photos »').check();
  await page.getByRole('button', { name: 'Supprimer les documents cochés' }).click();
  await expect(page.getByText('Document supprimé')).toBeVisible();
  await expect(page.getByRole('table')).not.toContainText('Ordonnance en photos');

  // IDOR: a document id that is not this account's answers the 404 page.
  await page.goto(`/espace/documents/${randomUUID()}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(/introuvable/i);
});

test('VIS-3, VIS-5, EMG-1, PRO-5, PRO-7: a patient masks all documents, sets the emergency toggles, removes an authorisation and blocks a professional', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  // PRO-4, PRO-5: as the professional side records them, in the past (seeded professionals: lib/dev/pro-sante-connect/professionals.ts).
  const pros = await db.selectFrom('professionals').select(['id', 'rpps']).where('rpps', 'in', ['10100000001', '10100000003']).execute();
  const proId = (rpps: string) => pros.find((p) => p.rpps === rpps)!.id;
  await db.insertInto('professional_authorisations').values([
    { profile_id: patient.profileId, professional_id: proId('10100000001'), basis: 'CONSENT', care_team_ground: null,
      granted_at: new Date('2026-11-02T09:00:00Z'), last_attested_at: new Date('2026-11-16T09:00:00Z'), ended_at: null, ended_by: null },
    { profile_id: patient.profileId, professional_id: proId('10100000003'), basis: 'CARE_TEAM', care_team_ground: 'NAMED',
      granted_at: new Date('2026-11-20T09:00:00Z'), last_attested_at: new Date('2026-11-27T09:00:00Z'), ended_at: null, ended_by: null },
  ]).execute();
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/documents/ajouter');
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'bilan.pdf', mimeType: 'application/pdf', buffer: await aPdf('Bilan') });
  await page.getByLabel(/^Titre/).fill('Bilan sanguin');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Résultats de biologie' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByText('Document ajouté')).toBeVisible();

  await page.getByRole('link', { name: 'Confidentialité' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible();
  await expectAccessible(page);

  // VIS-3: the switch flips at once; the worker masks the existing document (VIS-5 job).
  await page.getByRole('button', { name: 'Je masque tous mes documents et ma rubrique histoire de santé' }).click();
  await expect(page.getByText('Masquage demandé')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ne plus masquer tous mes documents' })).toBeVisible();
  await expect.poll(async () => (await db.selectFrom('documents').select(['masque_ps', 'mask_origin'])
    .where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow()), { timeout: 15_000 }).toEqual({ masque_ps: true, mask_origin: 'BULK' });
  await page.getByRole('link', { name: 'Documents' }).first().click();
  await expect(page.getByRole('table')).toContainText('Masqué aux professionnels');

  // EMG-1: toggle 2 off, toggle 3 on, saved and shown again.
  await page.goto('/espace/confidentialite');
  await page.getByLabel('Les autres professionnels de santé peuvent accéder à mon profil en cas d’urgence').uncheck();
  await page.getByLabel('En cas d’urgence, ils peuvent aussi voir mes documents masqués').check();
  await page.getByRole('button', { name: 'Enregistrer mes choix' }).click();
  await expect(page.getByText('Vos choix pour les urgences sont enregistrés')).toBeVisible();
  await expect(page.getByLabel('Les autres professionnels de santé peuvent accéder à mon profil en cas d’urgence')).not.toBeChecked();
  await expect(page.getByLabel('En cas d’urgence, ils peuvent aussi voir mes documents masqués')).toBeChecked();

  // PRO-5: « Autorisé depuis le … » and the care team, then the holder removes the GP's authorisation.
  const authorised = page.getByRole('region', { name: 'Professionnels autorisés' });
  await expect(authorised).toContainText('Dr Claire Martin, Médecin (Paris) — Autorisé depuis le 2 novembre 2026');
  await expect(authorised).toContainText('Inès Petit, Infirmier (Limoges) — Équipe de soins, patient informé le 27 novembre 2026');
  await page.getByRole('button', { name: 'Retirer l’autorisation de Dr Claire Martin' }).click();
  await expect(page.getByText('L’autorisation de Dr Claire Martin est retirée')).toBeVisible();
  await expect(authorised).not.toContainText('Claire Martin, Médecin');
  await expect(authorised).toContainText('Inès Petit');
  await expectAccessible(page);

  // PRO-7: find a professional by city, block (which ends her authorisation), then unblock: she stays unauthorised.
  await page.getByLabel('Rechercher un professionnel de santé', { exact: true }).fill('Limoges');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByRole('table', { name: /Résultats de la recherche/ })).toContainText('Inès Petit');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Bloquer Inès Petit' }).click();
  await expect(page.getByText('Inès Petit est bloqué')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Professionnels bloqués' })).toContainText('Inès Petit');
  await expect(authorised).toContainText('Aucun professionnel de santé n’est autorisé à accéder à votre profil pour le moment.');
  await page.getByRole('button', { name: 'Débloquer Inès Petit' }).click();
  await expect(page.getByText('Inès Petit est débloqué')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Professionnels bloqués' })).toContainText('Vous n’avez bloqué aucun professionnel de santé.');
  await expect(authorised).toContainText('Aucun professionnel de santé n’est autorisé à accéder à votre profil pour le moment.');
  await expectAccessible(page);
});
