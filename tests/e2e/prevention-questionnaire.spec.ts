import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

const QUESTIONNAIRES = '/espace/profil-medical/questionnaires-de-prevention';

/** Ticks `option` in the radio group whose legend matches `legend`. */
const answer = (page: Page, legend: RegExp, option: string) =>
  page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();

test('PRV-10: a patient aged 45–50 fills in Mon bilan prévention, finds it in their profil médical, edits, stops sharing and deletes it', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  // PRV-4: 46 or 47 years old today, in the 45–50 band.
  await db.updateTable('profiles').set({ birth_date: `${new Date().getFullYear() - 47}-01-15` }).where('id', '=', patient.profileId).execute();
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);

  await page.goto(QUESTIONNAIRES);
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaires de prévention' })).toBeVisible();
  await expect(page.getByText('Aucun questionnaire rempli pour le moment.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Remplir le questionnaire (45 à 50 ans)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaire Mon bilan prévention' })).toBeVisible();
  // PRV-4: the 45–50 questionnaire asks about screenings, not about falls (60 and over).
  await expect(page.getByRole('group', { name: /dépistages des cancers/ })).toBeVisible();
  await expect(page.getByRole('group', { name: /tombé/ })).toHaveCount(0);
  await expectAccessible(page);

  // PRV-10: unanswered required questions and an impossible weight are refused on their questions, in French.
  await page.getByLabel(/^Poids \(kg\)/).fill('1200');
  await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();
  await expect(page.locator('#tabac-error')).toContainText('Choisissez une réponse.');
  await expect(page.locator('#poids-error')).toContainText('Le poids doit être compris entre 20 et 400 kg.');
  await expect(page.getByLabel(/^Poids \(kg\)/)).toHaveValue('1200');
  await expectAccessible(page);

  await answer(page, /situation actuelle/, 'En emploi');
  await answer(page, /Aidez-vous régulièrement un proche/, 'Oui');
  await answer(page, /médecin traitant/, 'Oui');
  await answer(page, /Fumez-vous du tabac/, 'Je fume tous les jours');
  await answer(page, /boissons contenant de l’alcool/, '2 à 4 fois par mois');
  await answer(page, /activité physique/, 'Moins d’une heure');
  await answer(page, /devant un écran/, 'Entre 2 et 4 heures');
  await answer(page, /fruits et légumes/, 'De 2 à 4');
  await answer(page, /heures dormez-vous/, 'Entre 6 et 7 heures');
  await answer(page, /triste, déprimé/, 'Jamais');
  await answer(page, /peu d’intérêt ou de plaisir/, 'Plusieurs jours');
  await answer(page, /stressé/, 'Souvent');
  await answer(page, /vaccinations sont-elles à jour/, 'Je ne sais pas');
  await answer(page, /dépistages des cancers/, 'Non');
  await page.getByLabel(/^Poids \(kg\)/).fill('72,5');
  await page.getByLabel(/^Taille \(cm\)/).fill('168');
  await page.getByRole('button', { name: 'Enregistrer mes réponses' }).click();

  // The QUEST_SANTE document is listed and shared with professionals by default.
  await expect(page.getByRole('status').filter({ hasText: 'Vos réponses sont enregistrées' })).toBeVisible();
  const filled = page.getByRole('table', { name: 'Questionnaires remplis' });
  await expect(filled.getByRole('row')).toHaveCount(2);
  await expect(filled.getByRole('link', { name: 'Mon bilan prévention – questionnaire (45 à 50 ans)' })).toBeVisible();
  await expect(page.getByText('Partagé avec les professionnels de santé autorisés à accéder à votre profil.')).toBeVisible();
  await expectAccessible(page);
  await filled.getByRole('link', { name: 'Mon bilan prévention – questionnaire (45 à 50 ans)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon bilan prévention – questionnaire (45 à 50 ans)' })).toBeVisible();
  await expectAccessible(page);

  // PRF-1, MEA: the answers feed the habits and the measures.
  await page.goto('/espace/profil-medical/habitudes-de-vie');
  await expect(page.getByRole('heading', { level: 1, name: 'Habitudes de vie' })).toBeVisible();
  await expect(page.getByText(/Je fume tous les jours/)).toBeVisible();
  await expect(page.getByText(/Activité physique par semaine : Moins d’une heure/)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/espace/mesures');
  await expect(page.getByRole('table', { name: 'Dernières valeurs' })).toContainText(/72,5\s*kg/);
  await expectAccessible(page);

  // Edit: the saved answers come back; the new ones replace them; « Ne pas partager » is ticked.
  await page.goto(QUESTIONNAIRES);
  await page.getByRole('link', { name: 'Modifier mes réponses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modifier mes réponses à Mon bilan prévention' })).toBeVisible();
  await expect(page.getByRole('group', { name: /Fumez-vous du tabac/ }).getByLabel('Je fume tous les jours', { exact: true })).toBeChecked();
  await expect(page.getByLabel(/^Poids \(kg\)/)).toHaveValue('72,5');
  await expectAccessible(page);
  await answer(page, /Fumez-vous du tabac/, 'J’ai arrêté de fumer');
  await page.getByLabel('Ne pas partager ce questionnaire avec les professionnels de santé').check();
  await page.getByRole('button', { name: 'Enregistrer mes nouvelles réponses' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos nouvelles réponses sont enregistrées' })).toBeVisible();
  await expect(page.getByText('Non partagé avec les professionnels de santé.', { exact: true })).toBeVisible();
  await expect(filled.getByRole('row')).toHaveCount(2); // one current version, the old one is obsolete
  await expectAccessible(page);
  await page.goto('/espace/profil-medical/habitudes-de-vie');
  await expect(page.getByText(/J’ai arrêté de fumer/)).toBeVisible();
  await expect(page.getByText(/Je fume tous les jours/)).toHaveCount(0);

  // VIS-2: sharing is changed back from the questionnaires page.
  await page.goto(QUESTIONNAIRES);
  await page.getByRole('button', { name: 'Partager avec les professionnels de santé' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Le questionnaire est partagé avec les professionnels de santé' })).toBeVisible();
  await expect(page.getByText('Partagé avec les professionnels de santé autorisés à accéder à votre profil.')).toBeVisible();
  await expectAccessible(page);

  // Delete, after a confirmation naming what goes with the answers.
  await page.getByRole('link', { name: 'Supprimer mes réponses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Supprimer mes réponses à Mon bilan prévention' })).toBeVisible();
  await expect(page.getByText(/Habitudes de vie : .*J’ai arrêté de fumer/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Supprimer mes réponses' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos réponses ont été supprimées' })).toBeVisible();
  await expect(page.getByText('Aucun questionnaire rempli pour le moment.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Remplir le questionnaire (45 à 50 ans)' })).toBeVisible();
  await expectAccessible(page);
  await page.goto('/espace/profil-medical/habitudes-de-vie');
  await expect(page.getByText(/J’ai arrêté de fumer/)).toHaveCount(0);
});

test('PRV-4: outside the age bands the questionnaire is not offered', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await db.updateTable('profiles').set({ birth_date: `${new Date().getFullYear() - 38}-06-15` }).where('id', '=', patient.profileId).execute();
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto(QUESTIONNAIRES);
  await expect(page.getByText(/Il n’est pas proposé à l’âge de ce profil aujourd’hui/)).toBeVisible();
  await expect(page.getByRole('link', { name: /Remplir le questionnaire/ })).toHaveCount(0);
  await expectAccessible(page);
  await page.goto(`${QUESTIONNAIRES}/bilan-prevention`);
  await expect(page.getByRole('heading', { level: 1, name: 'Questionnaire Mon bilan prévention' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer mes réponses' })).toHaveCount(0);
  await expectAccessible(page);
});
