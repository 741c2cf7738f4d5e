import type { Page } from '@playwright/test';
import { expect, expectAccessible } from './fixtures';
import { otpIn, waitForMail } from './mail';

/** Identifiant + password, then the code that really arrived by email (ACT-10). */
export async function passwordThenOtp(page: Page, loginPath: string, who: { identifiant: string; password: string; email: string }) {
  await page.goto(loginPath);
  await expectAccessible(page);
  const since = Date.now();
  await page.getByLabel('Identifiant').fill(who.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(who.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Saisir le code de connexion' })).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(who.email, /Votre code/, since);
  await page.getByLabel('Code reçu par courriel').fill(otpIn(mail));
  await page.getByRole('button', { name: 'Me connecter' }).click();
  // Signed in once the code page is gone: a test's next goto must not cancel the sign-in on its way.
  await expect(page.getByRole('heading', { level: 1, name: 'Saisir le code de connexion' })).toBeHidden();
}

/** PRO-1: a professional signs in through the stand-in Pro Santé Connect (RPPS + demo password), landing on « Mes patients ». */
export async function signInWithProSanteConnect(page: Page, rpps: string) {
  await page.goto('/pro/connexion');
  await page.getByRole('button', { name: 'Se connecter avec Pro Santé Connect' }).click();
  await page.getByLabel('Identifiant RPPS').fill(rpps);
  await page.getByLabel('Mot de passe').fill('psc-demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes patients' })).toBeVisible();
}

export const DEMO_AGENT = { identifiant: 'agent.cnam', password: 'Agent-Demo-2026!', email: 'agent@cnam.exemple.fr' };
export const DEMO_ADVISOR = { identifiant: 'conseiller.fs', password: 'Conseil-Demo-2026!', email: 'conseiller@france-services.exemple.fr' };
export const DEMO_PATIENT = { identifiant: 'marie.dupont', password: 'Sante-Demo-2026!', email: 'marie.dupont@exemple.fr' };
