import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';
import { mailsTo, waitForMail } from './support/mail';
import { runScheduledAt } from './support/worker-clock';

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

/**
 * AGD-5 with a moved clock: the reminder email goes at 08:00 Europe/Paris the day before — not at 07:59,
 * once at 08:00, never a second time — and names nothing medical (its title stays in the agenda).
 */
test('AGD-5: the reminder email arrives at 08:00 Paris the day before, once, without the title', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Lucie', birthName: 'MOREAU', sex: 2 });
  await passwordThenOtp(page, '/connexion', patient);
  await page.getByRole('link', { name: 'Agenda' }).first().click();
  const form = page.locator('section', { has: page.getByRole('heading', { name: 'Ajouter un rappel' }) });
  await form.getByRole('textbox', { name: /^Titre du rappel/ }).fill('Prise de sang à jeun');
  await form.getByRole('textbox', { name: /^Date du rappel/ }).fill(dayFr(3));
  await form.getByRole('button', { name: 'Ajouter le rappel' }).click();
  await expect(page.getByText('Rappel enregistré.')).toBeVisible();

  const { remind_at: remindAt } = await db.selectFrom('reminders').select('remind_at')
    .where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow();
  const paris = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
  expect(paris.format(remindAt)).toBe(`${dayFr(2)} 08:00`);

  const remindedAt = async () => (await db.selectFrom('reminders').select('reminded_at').where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow()).reminded_at;
  const since = Date.now();
  await runScheduledAt('agenda-reminders', new Date(remindAt.getTime() - 60_000));
  expect(await remindedAt()).toBeNull();
  await runScheduledAt('agenda-reminders', new Date(remindAt.getTime() + 30_000));
  expect(await remindedAt()).toEqual(new Date(remindAt.getTime() + 30_000));
  const mail = await waitForMail(patient.email, /Du nouveau dans Mon espace santé/, since);
  expect(mail.text).toContain('un rappel');
  expect(mail.text).not.toContain('Prise de sang');
  await runScheduledAt('agenda-reminders', new Date(remindAt.getTime() + 300_000));
  await page.waitForTimeout(1_000); // a second email would have been relayed by now (relay every 100 ms)
  expect(mailsTo(patient.email).filter((m) => m.receivedAt >= since)).toHaveLength(1);

  await page.reload();
  const upcoming = page.locator('section', { has: page.getByRole('heading', { name: 'À venir' }) });
  await expect(upcoming.getByText('E-mail de rappel envoyé.')).toBeVisible();
  await expectAccessible(page);
});
