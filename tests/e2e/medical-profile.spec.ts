import { PDFDocument } from 'pdf-lib';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

/** 'YYYY-MM-DD' `daysAgo` days before now, Paris time, as a date input takes it. */
const isoDaysAgo = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
const frDaysAgo = (daysAgo: number) => isoDaysAgo(daysAgo).split('-').reverse().join('/');

const SECTION_PAGES = ['maladies', 'hospitalisations', 'vaccinations', 'antecedents-familiaux', 'handicaps', 'groupe-sanguin',
  'habitudes-de-vie', 'entourage-et-volontes', 'professionnels-de-sante', 'directives-anticipees', 'documents-administratifs',
  'questionnaires-de-prevention'];

test('PRF-1, PRF-6: a patient adds an allergy and a treatment, generates a Synthèse médicale of them and finds it in Documents', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);

  // PRF-1: the overview lists every section.
  await page.getByRole('link', { name: 'Profil médical' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon profil médical' })).toBeVisible();
  for (const name of ['Allergies', 'Traitements', 'Vaccinations', 'Entourage et volontés', 'Mes professionnels de santé', 'Directives anticipées']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expectAccessible(page);

  // PRF-1: an allergy; a missing name is refused on its field first, in French.
  await page.getByRole('heading', { level: 2, name: 'Allergies' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Allergies' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Réaction observée/).fill('Urticaire');
  await page.getByRole('button', { name: 'Enregistrer l’allergie' }).click();
  const allergy = page.getByRole('textbox', { name: /^Allergie/ });
  await expect(page.locator('#name-error')).toContainText('Indiquez l’allergie');
  await expect(allergy).toHaveAttribute('aria-invalid', 'true');
  await expect(allergy).toHaveAttribute('aria-describedby', 'name-hint name-error');
  await expect(page.getByLabel(/^Réaction observée/)).toHaveValue('Urticaire');
  await expectAccessible(page);
  await allergy.fill('Pénicilline');
  await page.getByLabel(/^Depuis le/).fill(isoDaysAgo(400));
  await page.getByRole('button', { name: 'Enregistrer l’allergie' }).click();
  await expect(page.getByText('Information enregistrée')).toBeVisible();
  const allergies = page.getByRole('region', { name: 'Informations enregistrées' });
  await expect(allergies.getByRole('listitem')).toHaveCount(1);
  await expect(allergies).toContainText('Pénicilline');
  await expect(allergies).toContainText(`Réaction : Urticaire · Depuis le ${frDaysAgo(400)}`);
  await expectAccessible(page);

  // PRF-1: a treatment picked from the CIP list gets its code; a start date in the future is refused first.
  await page.goto('/espace/profil-medical/traitements');
  await expect(page.getByRole('heading', { level: 1, name: 'Traitements' })).toBeVisible();
  await page.getByRole('combobox', { name: /^Médicament/ }).fill('DOLIPRANE 1000 mg, comprimé effervescent sécable');
  await page.getByLabel(/^Posologie/).fill('1 comprimé si douleur, 3 par jour au plus');
  await page.getByLabel(/^Début du traitement/).fill(isoDaysAgo(-3));
  await page.getByRole('button', { name: 'Enregistrer le traitement' }).click();
  await expect(page.locator('#startDate-error')).toContainText('La date ne peut pas être dans le futur.');
  await expectAccessible(page);
  await page.getByLabel(/^Début du traitement/).fill(isoDaysAgo(2));
  await page.getByRole('button', { name: 'Enregistrer le traitement' }).click();
  await expect(page.getByText('Information enregistrée')).toBeVisible();
  const treatments = page.getByRole('region', { name: 'Informations enregistrées' });
  await expect(treatments).toContainText('DOLIPRANE 1000 mg, comprimé effervescent sécable');
  await expect(treatments).toContainText('Code CIP : 3400935294227');
  await expectAccessible(page);

  // Every other section page passes axe as well.
  for (const slug of SECTION_PAGES) {
    await page.goto(`/espace/profil-medical/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectAccessible(page);
  }

  // PRF-6: tick Allergies and Traitements; the PDF is filed and opened as a document.
  await page.goto('/espace/profil-medical');
  await page.getByRole('link', { name: 'Créer une synthèse médicale' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer une synthèse médicale' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Générer la synthèse' }).click();
  await expect(page.locator('#rubriques-error')).toContainText('Cochez au moins une rubrique');
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: 'Allergies' }).check();
  await page.getByRole('checkbox', { name: 'Traitements' }).check();
  await page.getByRole('button', { name: 'Générer la synthèse' }).click();
  const title = `Synthèse médicale du ${frDaysAgo(0)}`;
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('Document ajouté')).toBeVisible();
  await expect(page.getByText('(Ajouté par vous ou un proche)')).toBeVisible();
  const pdfUrl = await page.locator('iframe').getAttribute('src');
  const file = await page.request.get(pdfUrl!);
  expect(file.headers()['content-type']).toBe('application/pdf');
  await expectAccessible(page);

  // DOC-1: it is listed in Documents under « Synthèse médicale ».
  await page.getByRole('link', { name: '← Tous les documents' }).click();
  const row = page.getByRole('table').getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Synthèse médicale');
  // PRF-6: patient-authored, shown with the name of the person who asked for it.
  const person = await db.selectFrom('profiles').select(['first_names', 'birth_name']).where('id', '=', patient.profileId).executeTakeFirstOrThrow();
  await expect(row).toContainText(`${person.first_names.split(' ')[0]} ${person.birth_name}`);
  const stored = await db.selectFrom('documents').select(['category', 'author_type']).where('profile_id', '=', patient.profileId)
    .where('category', '=', 'SYNTH_PML').execute();
  expect(stored).toEqual([{ category: 'SYNTH_PML', author_type: 'PATIENT' }]);
});

test('PRF-5, DOC-8: without JavaScript, one personne de confiance only; deleting a report names the hospitalisation that goes with it', async ({ page, browser, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage(); // axe needs scripts: accessibility is checked on `page`

  // PRF-5: the first personne de confiance is saved, a second is refused on the radio group, the values typed kept.
  await noJs.goto('/espace/profil-medical/entourage-et-volontes');
  await expect(noJs.getByRole('heading', { level: 1, name: 'Entourage et volontés' })).toBeVisible();
  const trusted = async (firstName: string, lastName: string) => {
    await noJs.getByRole('radio', { name: 'Personne de confiance' }).check();
    await noJs.getByLabel(/^Prénom/).fill(firstName);
    await noJs.getByLabel(/^Nom/).fill(lastName);
    await noJs.getByLabel(/^Téléphone/).fill('06 12 34 56 78');
    await noJs.getByRole('button', { name: 'Enregistrer le contact' }).click();
  };
  await trusted('Anne', 'DURAND');
  await expect(noJs.getByText('Information enregistrée')).toBeVisible();
  await expect(noJs.getByRole('region', { name: 'Mes contacts' })).toContainText('Anne DURAND');
  await trusted('Luc', 'MARTIN');
  await expect(noJs.locator('#type-error')).toContainText('Vous avez déjà désigné une personne de confiance');
  await expect(noJs.getByLabel(/^Prénom/)).toHaveValue('Luc');
  await expect(noJs.getByRole('region', { name: 'Mes contacts' }).getByRole('listitem')).toHaveCount(1);

  // DOC-8: a report uploaded, a hospitalisation linked to it; the report's deletion names the hospitalisation, then takes it along.
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText('Compte rendu');
  await noJs.goto('/espace/documents/ajouter');
  await noJs.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'cr.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await pdf.save()) });
  await noJs.getByLabel(/^Titre/).fill('CR d’hospitalisation');
  await noJs.getByLabel(/^Catégorie/).selectOption({ label: 'Comptes rendus' });
  await noJs.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(noJs.getByRole('heading', { level: 1, name: 'CR d’hospitalisation' })).toBeVisible();
  const documentUrl = noJs.url();

  await noJs.goto('/espace/profil-medical/hospitalisations');
  await noJs.getByLabel(/^Motif/).fill('Appendicite');
  await noJs.getByLabel(/^Date d’entrée/).fill(isoDaysAgo(10));
  const linked = noJs.getByLabel(/^Document lié/);
  await expect(linked.locator('option').nth(1)).toContainText('CR d’hospitalisation (Comptes rendus');
  await linked.selectOption({ index: 1 });
  await noJs.getByRole('button', { name: 'Enregistrer l’hospitalisation' }).click();
  await expect(noJs.getByText('Information enregistrée')).toBeVisible();
  await expect(noJs.getByRole('link', { name: 'Voir le document lié à « Appendicite »' })).toBeVisible();

  await noJs.goto(documentUrl);
  await noJs.getByRole('link', { name: 'Supprimer ce document' }).click();
  await expect(noJs.getByText('Cette information de votre profil médical, liée à ce document, sera aussi supprimée :')).toBeVisible();
  await expect(noJs.getByRole('listitem').filter({ hasText: `Hospitalisations : Appendicite — Entrée le ${frDaysAgo(10)}` })).toBeVisible();
  // axe runs scripts: the same confirmation is checked in the JavaScript-enabled page.
  await page.goto(noJs.url());
  await expect(page.getByText('Cette information de votre profil médical, liée à ce document, sera aussi supprimée :')).toBeVisible();
  await expectAccessible(page);
  await noJs.getByRole('button', { name: 'Confirmer la suppression' }).click();
  await expect(noJs.getByText('Document supprimé')).toBeVisible();
  await noJs.goto('/espace/profil-medical/hospitalisations');
  await expect(noJs.getByText('Aucune information renseignée pour le moment.')).toBeVisible();
  await context.close();
});
