import type { Page } from '@playwright/test';
import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';

/** The figure shown for one term of the activity's list (« Visites accompagnées » → « 1 »). */
const figure = (page: Page, term: string) =>
  page.locator('dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

/**
 * FS-1: a supervisor adds a France Services site in the back-office (errors in French, on their fields), finds it
 * in the list and in the advisor creation form; FS-2, FS-3: its page shows its activity over a period, in
 * figures only. An agent sees the sites but no form.
 */
test('FS-1, FS-2, FS-3: a supervisor adds a site, finds it in the list and the advisor form, and reads its activity by period', async ({ page, browser, db }) => {
  test.setTimeout(120_000);
  const run = Date.now();
  const name = `France Services de Bourganeuf ${run}`;

  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db, 'SUPERVISOR'));
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Sites France Services', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sites France Services' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^France Services de Guéret Guéret 23 / })).toBeVisible();
  await expectAccessible(page);

  // The form: a département code that does not exist, then a name already used in the same commune.
  await page.getByRole('link', { name: 'Ajouter un espace France Services' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajouter un espace France Services' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel(/^Nom de l’espace/).fill('france services de guéret');
  await page.getByLabel(/^Commune/).fill('Guéret');
  await page.getByLabel(/^Département/).fill('20');
  await page.getByRole('button', { name: 'Ajouter l’espace' }).click();
  await expect(page.locator('#departement-error')).toContainText('Le code 20 n’existe plus : saisissez 2A (Corse-du-Sud) ou 2B (Haute-Corse).');
  await expect(page.getByLabel(/^Département/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByLabel(/^Département/).fill('23');
  await page.getByRole('button', { name: 'Ajouter l’espace' }).click();
  await expect(page.locator('#name-error')).toContainText('Un espace France Services porte déjà ce nom à Guéret.');
  await expect(page.getByLabel(/^Nom de l’espace/)).toHaveValue('france services de guéret');

  await page.getByLabel(/^Nom de l’espace/).fill(name);
  await page.getByLabel(/^Commune/).fill('Bourganeuf');
  await page.getByRole('button', { name: 'Ajouter l’espace' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('L’espace est ajouté')).toBeVisible();
  await expect(page.getByText('Bourganeuf (23) — 0 conseiller actif')).toBeVisible();
  await expect(figure(page, 'Visites accompagnées')).toHaveText('0');
  await expectAccessible(page);

  // In the list, and among the sites of the advisor creation form.
  await page.getByRole('link', { name: 'Retour à la liste des espaces France Services' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toContainText('Bourganeuf');
  await expect(row).toContainText('23');
  await page.goto('/admin/conseillers/nouveau');
  await expect(page.getByLabel(/^Espace France Services/).locator('option', { hasText: `${name} — Bourganeuf (23)` })).toHaveCount(1);

  // One visit of one of its advisors, in March 2025: the site's page shows it for that period only, without the person.
  const site = await db.selectFrom('france_services_sites').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  const advisor = await db.insertInto('staff_users').values({
    kind: 'ADVISOR', identifiant: `jeanne.roux.${run}@france-services.test`, password_hash: '!', email: `jeanne.roux.${run}@france-services.test`,
    display_name: `Jeanne ROUX ${run}`, site_id: site.id, locked_until: null, password_set_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  const person = await db.selectFrom('profiles').select('id').limit(1).executeTakeFirstOrThrow();
  const visit = await db.insertInto('assisted_visits').values({
    advisor_id: advisor.id, site_id: site.id, profile_id: person.id, started_at: new Date('2025-03-12T09:00:00Z'),
    expires_at: new Date('2025-03-12T10:00:00Z'), ended_at: new Date('2025-03-12T09:20:00Z'), end_reason: 'ENDED', presence_confirmed: true,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('assisted_visit_actions').values({ visit_id: visit.id, profile_id: person.id, kind: 'NEW_CODE', detail: '', at: new Date('2025-03-12T09:10:00Z') }).execute();

  await page.goto('/admin/sites-france-services');
  await page.getByRole('row', { name: new RegExp(name) }).getByRole('link', { name }).click();
  await expect(page.getByText('Bourganeuf (23) — 1 conseiller actif')).toBeVisible();
  await page.getByLabel(/^Du/).fill('2025-03-01');
  await page.getByLabel(/^Au/).fill('2025-03-31');
  await page.getByRole('button', { name: 'Afficher l’activité' }).click();
  await expect(page.getByRole('heading', { level: 3, name: 'Visites du 1 mars 2025 au 31 mars 2025' })).toBeVisible();
  await expect(figure(page, 'Visites accompagnées')).toHaveText('1');
  await expect(figure(page, 'Personnes aidées')).toHaveText('1');
  await expect(page.getByRole('row', { name: /Nouveau code provisoire envoyé/ })).toContainText('1');
  await expect(page.getByRole('row', { name: new RegExp(`Jeanne ROUX ${run}`) })).toContainText('1');
  await expectAccessible(page);

  // A period longer than 366 days is refused on its field.
  await page.getByLabel(/^Du/).fill('2024-01-01');
  await page.getByRole('button', { name: 'Afficher l’activité' }).click();
  await expect(page.locator('#au-error')).toContainText('La période ne peut pas dépasser 366 jours');
  await expect(page.getByText('Corrigez la période pour afficher l’activité.')).toBeVisible();
  await expectAccessible(page);

  // The supervisor renames it.
  const renamed = `France Services de Bourganeuf-Centre ${run}`;
  await page.getByLabel(/^Nom de l’espace/).fill(renamed);
  await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
  await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(page.getByText('L’espace est modifié')).toBeVisible();
  await expectAccessible(page);

  // An agent sees the site and its activity, but no form to add or edit one.
  const agent = await (await browser.newContext()).newPage();
  await passwordThenOtp(agent, '/admin/connexion', await aStaffMember(db, 'AGENT'));
  await agent.goto('/admin/sites-france-services');
  await expect(agent.getByText('Seul un superviseur ajoute ou modifie un espace France Services.')).toBeVisible();
  await expect(agent.getByRole('link', { name: 'Ajouter un espace France Services' })).toHaveCount(0);
  await agent.getByRole('link', { name: renamed }).click();
  await expect(agent.getByRole('heading', { level: 2, name: 'Activité de l’espace' })).toBeVisible();
  await expect(agent.getByRole('heading', { name: 'Modifier l’espace' })).toHaveCount(0);
  await expectAccessible(agent);
  await agent.goto('/admin/sites-france-services/nouveau');
  await expect(agent.getByText(/^L’ajout d’un espace France Services est réservé aux superviseurs/)).toBeVisible();
  await expect(agent.getByRole('button', { name: 'Ajouter l’espace' })).toHaveCount(0);
});
