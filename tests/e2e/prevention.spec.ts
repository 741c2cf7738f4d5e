import type { Page } from '@playwright/test';
import { sql } from 'kysely';
import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { waitForMail } from './support/mail';
import { anActivePatient } from './support/people';

/** A date of birth that makes someone `years` old today in Paris, some weeks past their birthday (PRV-5). */
function bornYearsAgo(years: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date()); // YYYY-MM-DD
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 40);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** One of the delivery figures of the campaign page, by its exact label. */
const figure = (page: Page, label: string) => page.locator('dl > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');

/** The new-campaign form, filled for women of `age`, then « Estimer ». */
async function estimate(page: Page, name: string, age: number) {
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Campagnes de prévention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Campagnes de prévention' })).toBeVisible();
  await page.getByRole('link', { name: 'Nouvelle campagne de prévention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle campagne de prévention' })).toBeVisible();
  await page.getByLabel('Nom de la campagne').fill(name);
  await page.getByLabel('Titre du message').fill(`Votre bilan de prévention ${name}`);
  await page.getByLabel('Texte du message').fill('À votre âge, un bilan de prévention avec votre médecin est pris en charge à 100 %.');
  await page.getByLabel('Accroche du courriel').fill('Un nouveau message de prévention vous attend dans Mon espace santé.');
  await page.getByLabel('Âge minimal (ans)').fill(String(age));
  await page.getByLabel('Âge maximal (ans)').fill(String(age));
  await page.getByLabel('Sexe').selectOption({ label: 'Femmes' });
  await page.getByRole('button', { name: 'Estimer le nombre de profils' }).click();
}

/** « Lancer maintenant », then the page follows the run by itself until it is over. */
async function launch(page: Page) {
  await page.getByRole('button', { name: 'Lancer maintenant' }).click();
  await expect(page.getByText('La campagne est lancée')).toBeVisible();
  await expect(page.getByRole('status').getByText('Terminée', { exact: true })).toBeVisible({ timeout: 30_000 });
}

/**
 * PRV-6..9 and the back-office end to end: an agent targets women of 104 (a patient created here is the only
 * one in the run), estimates, schedules, unschedules and launches; the worker delivers; the patient reads the
 * home card and « Pourquoi ce message ? », gets the email teaser (no health detail), opts out; a week later a
 * second campaign does not reach her; she opts back in and a third estimate counts her again.
 */
test('PRV-6..9, BO: a prevention campaign from targeting to the patient\'s card, « Pourquoi ce message ? » and the opt-out', async ({ page, browser, db }) => {
  test.setTimeout(180_000);
  const run = Date.now().toString(36);
  const AGE = 104;
  const patient = await anActivePatient(db);
  await db.updateTable('profiles').set({ birth_date: bornYearsAgo(AGE), sex: 2 }).where('id', '=', patient.profileId).execute();

  // 1. The agent's estimate: inverted ages are refused on the field, then the count is that one patient.
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  const first = `Centenaires ${run}`;
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Campagnes de prévention' }).click();
  await expectAccessible(page);
  await estimate(page, first, AGE);
  await expect(page.getByRole('status')).toContainText('Estimation : 1 profil recevrait ce message aujourd’hui.');
  await page.getByLabel('Âge maximal (ans)').fill(String(AGE - 1));
  await page.getByRole('button', { name: 'Estimer le nombre de profils' }).click();
  await expect(page.locator('#maxAge-error')).toContainText('L’âge minimal doit être inférieur ou égal à l’âge maximal.');
  await expect(page.getByLabel('Âge maximal (ans)')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel('Âge maximal (ans)').fill(String(AGE));
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
  await expect(page.getByRole('status').getByText('En préparation', { exact: true })).toBeVisible();
  await expect(page.getByText('La campagne n’est pas encore lancée')).toBeVisible();
  await expectAccessible(page);

  // 2. Scheduling: a past time and a wrong hour are refused on their fields; a time to come is kept, then withdrawn.
  await page.getByLabel('Date de lancement').fill('01/01/2020');
  await page.getByLabel('Heure de lancement').fill('09:00');
  await page.getByRole('button', { name: 'Programmer' }).click();
  await expect(page.locator('#scheduledAt-error')).toContainText('Choisissez une date et une heure à venir.');
  await page.getByLabel('Heure de lancement').fill('25:00');
  await page.getByRole('button', { name: 'Programmer' }).click();
  await expect(page.locator('#scheduledTime-error')).toContainText('Saisissez une heure valide au format HH:MM');
  await expectAccessible(page);
  const nextYear = new Date().getUTCFullYear() + 1;
  await page.getByLabel('Date de lancement').fill(`15/06/${nextYear}`);
  await page.getByLabel('Heure de lancement').fill('09:30');
  await page.getByRole('button', { name: 'Programmer' }).click();
  await expect(page.getByText('La campagne est programmée')).toBeVisible();
  await expect(page.getByText(`Lancement programmé le 15 juin ${nextYear}, 09:30 (heure de Paris).`)).toBeVisible();
  await expect(page.getByRole('status').getByText('Programmée', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Annuler la campagne' }).click();
  await expect(page.locator('#confirm-error')).toContainText('Cochez la case pour confirmer l’annulation.');
  await page.getByRole('button', { name: 'Déprogrammer' }).click();
  await expect(page.getByText('La campagne est déprogrammée')).toBeVisible();
  await expect(page.getByRole('status').getByText('En préparation', { exact: true })).toBeVisible();

  // 3. Launched now: the worker delivers; progress and statistics follow without a reload.
  await launch(page);
  await expect(page.getByLabel('Profils atteints')).toHaveAttribute('value', '1');
  await expect(page.getByText(/^100\s%\s: 1 profil atteint sur 1 visé au lancement\.$/)).toBeVisible();
  await expect(figure(page, 'Messages remis (page d’accueil et rubrique « Prévention »)')).toHaveText('1');
  await expect(figure(page, 'Courriels d’accroche envoyés')).toHaveText('1 sur 1');
  await expect(page.getByRole('img', { name: `Diffusion par jour — ${first}` })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Campagnes de prévention' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: first }) });
  await expect(row).toContainText('Terminée');
  await expect(row.getByRole('progressbar', { name: `Avancement de « ${first} »` })).toHaveAttribute('value', '1');
  await expect(row).toContainText(/100\s%/);
  await expectAccessible(page);

  // 4. The patient: the email teaser names no health detail; the home card says why (PRV-7).
  const teaser = await waitForMail(patient.email, /nouveau message de prévention/, 0);
  expect(teaser.text).not.toContain('bilan de prévention');
  const me = await (await browser.newContext()).newPage();
  await passwordThenOtp(me, '/connexion', patient);
  await expect(me).toHaveURL(/\/espace$/);
  const card = me.getByRole('region', { name: 'Prévention', exact: true });
  await expect(card.getByRole('heading', { name: `Votre bilan de prévention ${first}` })).toBeVisible();
  await card.getByText('Pourquoi ce message ?').click();
  await expect(card.getByText(`Vous avez ${AGE} ans.`)).toBeVisible();
  await expect(card.getByText('Vous êtes une femme.')).toBeVisible();
  await expectAccessible(me);

  // 5. PRV-8: she opts out from « Prévention », without a reason.
  await card.getByRole('link', { name: 'Voir tous mes messages de prévention' }).click();
  await expect(me.getByRole('heading', { level: 1, name: 'Prévention' })).toBeVisible();
  await expectAccessible(me);
  await me.getByRole('button', { name: 'Ne plus recevoir de messages de prévention' }).click();
  await expect(me.getByText('C’est noté : vous ne recevrez plus de messages de prévention.')).toBeVisible();
  await expect(me.getByRole('button', { name: 'Recevoir de nouveau les messages de prévention' })).toBeVisible();
  await expectAccessible(me);

  // A week goes by (her message is moved 8 days back): only the opt-out, not the 7-day cap (PRV-9), now holds her back.
  await db.updateTable('prevention_messages').set({ created_at: sql<Date>`created_at - interval '8 days'` })
    .where('profile_id', '=', patient.profileId).execute();

  // 6. A second campaign does not reach her: estimated 0, delivered 0, no new card.
  const second = `Centenaires bis ${run}`;
  await estimate(page, second, AGE);
  await expect(page.getByRole('status')).toContainText('Estimation : 0 profil recevrait ce message aujourd’hui.');
  await page.getByRole('button', { name: 'Créer la campagne' }).click();
  await expect(page.getByRole('heading', { level: 1, name: second })).toBeVisible();
  await launch(page);
  await expect(page.getByText(/^0\s%\s: 0 profil atteint sur 0 visé au lancement\.$/)).toBeVisible();
  await expectAccessible(page);
  await me.goto('/espace');
  await expect(me.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(me.getByRole('region', { name: 'Prévention', exact: true })).toHaveCount(0);
  await me.goto('/espace/prevention');
  await expect(me.getByRole('heading', { level: 3, name: /^Votre bilan de prévention/ })).toHaveText([`Votre bilan de prévention ${first}`]);

  // 7. She opts back in: the next estimate counts her again.
  await me.getByRole('button', { name: 'Recevoir de nouveau les messages de prévention' }).click();
  await expect(me.getByText('C’est noté : vous recevrez de nouveau les messages de prévention.')).toBeVisible();
  await expectAccessible(me);
  await estimate(page, `Centenaires ter ${run}`, AGE);
  await expect(page.getByRole('status')).toContainText('Estimation : 1 profil recevrait ce message aujourd’hui.');
  await me.context().close();
});
