import { expect, expectAccessible, test } from './support/fixtures';
import { DEMO_ADVISOR, DEMO_AGENT, DEMO_PATIENT, passwordThenOtp } from './support/flows';

/** Issue #3 §3: each space checks its audience on the server; a wrong audience is turned away. */
test('PRO: a professional signs in through Pro Santé Connect (OIDC code flow + PKCE) and cannot open a patient space', async ({ page }) => {
  await page.goto('/pro/connexion');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Se connecter avec Pro Santé Connect' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Pro Santé Connect/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Identifiant RPPS').fill('10100000001');
  await page.getByLabel('Mot de passe').fill('mauvais');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByText('Identifiant RPPS ou mot de passe incorrect.')).toBeVisible();
  await page.getByLabel('Mot de passe').fill('psc-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page).toHaveURL(/\/pro$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Mes patients' })).toBeVisible();
  await expect(page.getByText('Claire Martin, Médecin · RPPS 10100000001')).toBeVisible();
  await expectAccessible(page);

  for (const url of ['/espace', '/espace/historique', '/admin', '/accompagnement']) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/acces-refuse/);
    await expect(page.getByRole('heading', { level: 1, name: 'Accès refusé' })).toBeVisible();
  }
  await expectAccessible(page);
});

test('FS-4: a France Services advisor is refused the patient space and the back-office', async ({ page }) => {
  await passwordThenOtp(page, '/accompagnement/connexion', DEMO_ADVISOR);
  await expect(page).toHaveURL(/\/accompagnement$/);
  await expect(page.getByText('France Services de Guéret')).toBeVisible();
  await expectAccessible(page);
  for (const url of ['/espace', '/espace/historique', '/admin/beneficiaires/nouveau']) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/acces-refuse/);
  }
});

test('BO: a patient is refused every back-office page; a visitor is sent to the right login page', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin\/connexion$/);
  await page.goto('/espace');
  await expect(page).toHaveURL(/\/connexion$/);
  await page.goto('/pro');
  await expect(page).toHaveURL(/\/pro\/connexion$/);

  await passwordThenOtp(page, '/connexion', DEMO_PATIENT);
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Marie' })).toBeVisible();
  // REP: the represented child's history is reachable from the dashboard.
  await page.getByRole('link', { name: 'Historique d’activité de Léo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Historique d’activité de Léo DUPONT' })).toBeVisible();
  await expectAccessible(page);
  for (const url of ['/admin', '/admin/courriels', '/admin/taches', '/accompagnement', '/pro']) {
    await page.goto(url);
    await expect(page).toHaveURL(/\/acces-refuse/);
  }
});

test('FS-1: a CNAM agent cannot sign in on the France Services portal', async ({ page }) => {
  await page.goto('/accompagnement/connexion');
  await page.getByLabel('Identifiant').fill(DEMO_AGENT.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(DEMO_AGENT.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#identifiant-error')).toContainText('Ce compte n’a pas accès à cet espace.');
  await expectAccessible(page);
});

test('French 404 page, health check and security headers', async ({ page, request }) => {
  const response = await page.goto('/cette-page-n-existe-pas');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await expectAccessible(page);
  const health = await request.get('/api/health');
  expect(await health.json()).toEqual({ status: 'ok', postgres: 'ok', redis: 'ok' });
  const home = await request.get('/');
  const csp = home.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(home.headers()['referrer-policy']).toBe('same-origin');
  await page.goto('/');
  await expectAccessible(page);
  await page.goto('/accessibilite');
  await expect(page.getByRole('heading', { level: 1, name: /Déclaration d’accessibilité|Déclaration d'accessibilité/ })).toBeVisible();
  await expectAccessible(page);
});
