import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';

/** « 03/03/2026 » for `days` days after now, Paris time, as a person types it. */
const dayFr = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/**
 * AGD-3, AGD-4: a patient reads the statement, adds a reminder (an over-long title is refused on its
 * field first), sees it in « À venir », and exports the agenda as .ics.
 */
test('AGD-3, AGD-4: a patient creates a reminder, sees it, and exports the agenda (.ics)', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Nora', birthName: 'LEROY', sex: 2 });
  await passwordThenOtp(page, '/connexion', patient);
  await page.getByRole('link', { name: 'Agenda' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon agenda' })).toBeVisible();
  await expect(page.getByText('Mon espace santé n’est pas un outil de prise de rendez-vous')).toBeVisible();
  await expectAccessible(page);

  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ajouter un rappel' }) });
  await form.getByRole('textbox', { name: /^Titre du rappel/ }).fill('x'.repeat(101));
  await form.getByRole('textbox', { name: /^Date du rappel/ }).fill(dayFr(5));
  await form.getByRole('button', { name: 'Ajouter le rappel' }).click();
  await expect(form.getByText('Le titre ne doit pas dépasser 100 caractères.').first()).toBeVisible();
  await expectAccessible(page);

  await form.getByRole('textbox', { name: /^Titre du rappel/ }).fill('Renouveler l’ordonnance');
  await form.getByRole('button', { name: 'Ajouter le rappel' }).click();
  await expect(page.getByText('Rappel enregistré.')).toBeVisible();
  const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'À venir' }) });
  await expect(upcoming.getByRole('heading', { name: 'Renouveler l’ordonnance' })).toBeVisible();
  await expect(upcoming.getByText('E-mail à 8 h la veille.')).toBeVisible();
  await expectAccessible(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter mon agenda (.ics)' }).click()]);
  expect(download.suggestedFilename()).toBe('agenda.ics');
  const body = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
  expect(body).toContain('BEGIN:VCALENDAR\r\n');
  expect(body).toContain('SUMMARY:Rappel : Renouveler l’ordonnance\r\n');
});
