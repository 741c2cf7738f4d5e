import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult, type ActivatedAdult } from './support/families';
import { passwordThenOtp, signInWithProSanteConnect } from './support/flows';
import { waitForMail } from './support/mail';
import { typed } from './support/people';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** ID-6..8, PRO-3 then PRO-5: the INS, then the consent checkbox. */
async function findAndConsent(page: Page, p: ActivatedAdult, first: string) {
  await page.goto('/pro/patients/recherche');
  await page.getByLabel('Matricule INS').fill(p.nir);
  await page.getByLabel('Nom de naissance').fill('PROTEST');
  await page.getByLabel('Prénoms de naissance').fill(first);
  await page.getByLabel('Date de naissance').fill(typed(p.birthDate));
  await page.getByLabel('Féminin').check();
  await page.getByLabel('Lieu de naissance (code INSEE)').fill('75056');
  await page.getByRole('button', { name: 'Vérifier l’accès' }).click();
  await expect(page.getByRole('heading', { name: 'Résultat de la vérification' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Enregistrer l’autorisation' }).click();
  await expect(page.getByText('Cochez « Le patient m’a autorisé').first()).toBeVisible(); // PRO-5: never presumed
  await page.getByLabel('Le patient m’a autorisé à accéder à son profil').check();
  await page.getByRole('button', { name: 'Enregistrer l’autorisation' }).click();
  await expect(page.getByText('Votre accès est enregistré.')).toBeVisible();
}

async function depositPdf(page: Page, profileId: string, title: string, type: string, masked = false) {
  await page.goto(`/pro/patients/${profileId}/deposer`);
  await page.getByLabel('Fichier').setInputFiles({ name: 'document.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByLabel('Titre').fill(title);
  await page.getByLabel('Type de document').selectOption(type);
  if (masked) await page.getByLabel('Masquer ce document aux autres professionnels de santé').check();
  await page.getByRole('button', { name: 'Déposer le document' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

test('a doctor deposits documents the patient sees and is told of; a pharmacist reads the allowed one, not the masked one; a podiatrist is denied the delivery report', async ({ browser, db }) => {
  const first = 'Lucie';
  const patient = await anActivatedAdult(db, { firstNames: first, birthName: 'PROTEST', sex: 2 });

  const doctor = await (await browser.newContext()).newPage();
  await signInWithProSanteConnect(doctor, '10100000001');
  // ID-8: a differing trait is refused.
  await doctor.goto('/pro/patients/recherche');
  await doctor.getByLabel('Matricule INS').fill(patient.nir);
  await doctor.getByLabel('Nom de naissance').fill('AUTRE');
  await doctor.getByLabel('Prénoms de naissance').fill(first);
  await doctor.getByLabel('Date de naissance').fill(typed(patient.birthDate));
  await doctor.getByLabel('Féminin').check();
  await doctor.getByLabel('Lieu de naissance (code INSEE)').fill('75056');
  await doctor.getByRole('button', { name: 'Vérifier l’accès' }).click();
  await expect(doctor.getByText(/ne correspond pas à l’INS de ce patient \(nom de naissance\)/)).toBeVisible();

  await findAndConsent(doctor, patient, first);
  const since = Date.now();
  await depositPdf(doctor, patient.profileId, 'Ordonnance de sortie', '57833-6');
  await expect(doctor.getByText('Le document est dans le profil du patient, qui en est informé.')).toBeVisible();
  await expectAccessible(doctor);
  await depositPdf(doctor, patient.profileId, 'Ordonnance confidentielle', '57832-8', true);
  await depositPdf(doctor, patient.profileId, 'Compte rendu d’accouchement', '15508-5');
  await doctor.goto(`/pro/patients/${patient.profileId}/documents`);
  await expect(doctor.getByRole('row', { name: /Ordonnance confidentielle/ })).toContainText('masqué aux professionnels de santé'); // VIS-13
  await expectAccessible(doctor);

  // NOT-1: the patient is emailed, and sees the document in their space.
  await waitForMail(patient.email, /Du nouveau dans Mon espace santé/, since);
  const patientPage = await (await browser.newContext()).newPage();
  await passwordThenOtp(patientPage, '/connexion', patient);
  await expect(patientPage).toHaveURL(/\/espace/);
  await patientPage.goto('/espace/documents');
  await expect(patientPage.getByRole('link', { name: 'Ordonnance de sortie' })).toBeVisible();

  // VIS-6, PRO-9: the pharmacist reads the prescription only; the masked one and the CR are absent.
  const pharmacist = await (await browser.newContext()).newPage();
  await signInWithProSanteConnect(pharmacist, '10100000002');
  await findAndConsent(pharmacist, patient, first);
  await pharmacist.goto(`/pro/patients/${patient.profileId}/documents`);
  await expect(pharmacist.getByRole('link', { name: 'Ordonnance de sortie' })).toBeVisible();
  await expect(pharmacist.getByRole('link', { name: 'Ordonnance confidentielle' })).toHaveCount(0);
  await expect(pharmacist.getByRole('link', { name: 'Compte rendu d’accouchement' })).toHaveCount(0);
  await expect(pharmacist.getByRole('table')).toHaveAccessibleName('1 document consultable');

  // PRO-9: the podiatrist is denied the CR d'accouchement, even by its address.
  const podiatrist = await (await browser.newContext()).newPage();
  await signInWithProSanteConnect(podiatrist, '10100000007');
  await findAndConsent(podiatrist, patient, first);
  const delivery = await db.selectFrom('documents').select('id').where('profile_id', '=', patient.profileId).where('type_code', '=', '15508-5').executeTakeFirstOrThrow();
  const response = await podiatrist.goto(`/pro/documents/${delivery.id}`);
  expect(response?.status()).toBe(404);
  expect((await podiatrist.request.get(`/pro/documents/${delivery.id}/fichier`)).status()).toBe(404);

  // IDOR: another patient's ids, on every page and file route, are refused (or 404) and traced on that patient.
  const other = await db.selectFrom('profiles').select('id').where('birth_name', '=', 'DUPONT').where('first_names', '=', 'Marie Claire').executeTakeFirstOrThrow();
  const otherDoc = await db.selectFrom('documents').select('id').where('profile_id', '=', other.id).where('status', '=', 'ACTIVE').executeTakeFirst();
  const before = await db.selectFrom('access_events').select((eb) => eb.fn.countAll<string>().as('n')).where('profile_id', '=', other.id)
    .where('actor_id', '=', '10100000002').where('outcome', '=', 'DENIED').executeTakeFirstOrThrow();
  for (const path of ['', '/documents', '/histoire', '/profil', '/deposer']) {
    await pharmacist.goto(`/pro/patients/${other.id}${path}`);
    await expect(pharmacist.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  }
  if (otherDoc) {
    expect((await pharmacist.goto(`/pro/documents/${otherDoc.id}`))?.status()).toBe(404);
    expect((await pharmacist.request.get(`/pro/documents/${otherDoc.id}/fichier`)).status()).toBe(404);
  }
  const after = await db.selectFrom('access_events').select((eb) => eb.fn.countAll<string>().as('n')).where('profile_id', '=', other.id)
    .where('actor_id', '=', '10100000002').where('outcome', '=', 'DENIED').executeTakeFirstOrThrow();
  expect(Number(after.n) - Number(before.n)).toBeGreaterThanOrEqual(5 + (otherDoc ? 2 : 0));

  // AUD-6: as the declared médecin traitant, the doctor reads the patient's history (the podiatrist's refusal in it),
  // and her own activity.
  const claire = await db.selectFrom('professionals').select('id').where('rpps', '=', '10100000001').executeTakeFirstOrThrow();
  await db.updateTable('profiles').set({ declared_gp_id: claire.id }).where('id', '=', patient.profileId).execute(); // setup: the fund's declaration
  await doctor.goto(`/pro/patients/${patient.profileId}/historique`);
  await expect(doctor.getByRole('row', { name: /Girard.*Tentative d’accès refusée/ }).first()).toBeVisible();
  await expectAccessible(doctor);
  await doctor.goto('/pro/activite');
  await expect(doctor.getByRole('row', { name: /Lucie PROTEST.*Dépôt d’un document/ }).first()).toBeVisible();
  await expectAccessible(doctor);

  // AUD-4: the patient's history shows the professionals' accesses and the refused attempt.
  await patientPage.goto('/espace/historique?onglet=professionnels');
  await expect(patientPage.getByText('Tentative d’accès refusée').first()).toBeVisible();
});
