import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';
import { typed } from './support/people';

/**
 * AID-1..6 (issue #8, aidants): Hélène invites Paul as her aidant; Paul accepts, opens Hélène's profile from
 * his own account and reads her documents (the justificatif filed at acceptance, AID-5), finds no
 * confidentiality control (AID-4); Hélène withdraws his access and his next page load is refused (AID-6).
 */
test('AID-1..6: an aidé invites an aidant, who accepts, reads a document without sharing controls, and loses access at once when revoked', async ({ page, db, browser }) => {
  const aide = await anActivatedAdult(db, { firstNames: 'Hélène', birthName: 'MARTIN', sex: 2 });
  const aidant = await anActivatedAdult(db, { firstNames: 'Paul', birthName: 'ROUX', sex: 1 });

  // 1. AID-3: Hélène invites Paul by NIR and date of birth; the declaration is required.
  await passwordThenOtp(page, '/connexion', aide);
  await page.getByRole('link', { name: 'Aidants', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mes aidants' })).toBeVisible();
  await expect(page.getByText('Vous n’avez pas d’aidant.')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Numéro de sécurité sociale de la personne invitée').fill(aidant.nir);
  await page.getByLabel('Date de naissance de la personne invitée').fill(typed(aidant.birthDate));
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.locator('#declared-error')).toContainText('Cochez la case pour déclarer');
  await expect(page.getByRole('checkbox', { name: /Je déclare que cette personne majeure m’aide/ })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await page.getByRole('checkbox', { name: /Je déclare que cette personne majeure m’aide/ }).check();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('La personne est prévenue et a 30 jours pour accepter')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Paul ROUX' })).toContainText('Invitation en attente');
  await expectAccessible(page);

  // 2. Paul signs in with his own account and accepts from « Personnes que j’aide ».
  const aidantContext = await browser.newContext();
  const paul = await aidantContext.newPage();
  await passwordThenOtp(paul, '/connexion', aidant);
  await paul.getByRole('link', { name: 'Invitations à devenir aidant' }).click();
  await expect(paul.getByRole('heading', { level: 1, name: 'Personnes que j’aide' })).toBeVisible();
  await expectAccessible(paul);
  await paul.getByRole('form', { name: 'Hélène MARTIN vous invite à devenir son aidant' }).getByRole('button', { name: 'Accepter' }).click();
  await expect(paul.getByText('Vous êtes maintenant l’aidant de Hélène MARTIN')).toBeVisible();
  await expectAccessible(paul);

  // 3. AID-4, AID-5: Paul opens Hélène's documents from his account and reads the justificatif d'accès.
  await paul.getByRole('link', { name: 'Documents de Hélène MARTIN' }).click();
  await expect(paul.getByRole('heading', { level: 1, name: 'Documents de Hélène' })).toBeVisible();
  await expectAccessible(paul);
  await paul.getByRole('link', { name: /Justificatif d’accès aidant/ }).first().click();
  await expect(paul.getByRole('heading', { level: 1, name: /Justificatif d’accès aidant/ })).toBeVisible();
  const documentUrl = paul.url();
  // AID-4: no confidentiality control for an aidant, on the document or the profile.
  await expect(paul.getByRole('heading', { name: 'Modifier la confidentialité' })).toHaveCount(0);
  await expect(paul.getByRole('button', { name: /Masquer aux professionnels de santé/ })).toHaveCount(0);
  await expectAccessible(paul);
  await paul.goto(`/espace/confidentialite?profil=${aide.profileId}`);
  await expect(paul.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await paul.goto('/espace/confidentialite');
  await expect(paul.getByRole('heading', { level: 1, name: 'Confidentialité' })).toBeVisible();
  await expect(paul.getByRole('option', { name: /Hélène/ })).toHaveCount(0);

  // 4. AID-6: Hélène withdraws Paul's access, after confirming.
  await page.reload();
  await expect(page.getByRole('listitem').filter({ hasText: 'Paul ROUX' })).toContainText('Aidant actif');
  const revoke = page.getByRole('form', { name: 'Retirer l’accès de Paul ROUX' });
  await revoke.getByRole('button', { name: 'Retirer l’accès de Paul ROUX' }).click();
  await expect(revoke.getByText('Cochez la case pour confirmer.').first()).toBeVisible();
  await revoke.getByRole('checkbox', { name: /Je confirme retirer à Paul ROUX l’accès à mon profil/ }).check();
  await revoke.getByRole('button', { name: 'Retirer l’accès de Paul ROUX' }).click();
  await expect(page.getByText('Paul ROUX n’a plus accès à votre profil')).toBeVisible();
  await expectAccessible(page);

  // 5. Paul's very next page load is refused.
  await paul.goto(documentUrl);
  await expect(paul.getByRole('heading', { level: 1, name: 'Page introuvable' })).toBeVisible();
  await paul.goto('/espace/personnes-aidees');
  await expect(paul.getByText('Vous n’aidez personne pour le moment.')).toBeVisible();
  await expect(paul.getByRole('listitem').filter({ hasText: 'Hélène MARTIN' })).toContainText('Accès terminé');
  await aidantContext.close();
});
