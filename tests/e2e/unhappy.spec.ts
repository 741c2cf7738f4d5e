import type { Page } from '@playwright/test';
import { sql } from 'kysely';
import { expect, expectAccessible, test } from './support/fixtures';
import { otpIn, waitForMail } from './support/mail';
import { aPendingPerson, anActivePatient, typed, type PendingPerson } from './support/people';

const GENERIC = 'Les informations saisies ne permettent pas d’activer un profil.';

async function tryActivation(page: Page, p: PendingPerson, code: string) {
  await page.goto('/activation');
  await page.getByLabel('Numéro de sécurité sociale').fill(p.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(p.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(p.birthDate));
  await page.getByLabel('Code provisoire').fill(code);
  await page.getByLabel(/J’ai lu et j’accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();
}

test('ACT-4, ACT-5: wrong codes get one generic message, a 30-second wait from the 3rd failure, a 30-minute lock at the 5th', async ({ page, db }) => {
  const person = await aPendingPerson(db);
  const backdateLastFailure = () => db.updateTable('profiles')
    .set({ activation_last_failure_at: sql`activation_last_failure_at - interval '31 seconds'` }).where('id', '=', person.profileId).execute();
  for (let i = 1; i <= 3; i++) {
    await tryActivation(page, person, 'ZZZZ2345');
    await expect(page.getByRole('alert').filter({ hasText: GENERIC })).toBeVisible();
  }
  await expectAccessible(page);
  // 4th try at once, even with the right code: wait 30 seconds.
  await tryActivation(page, person, person.code);
  await expect(page.getByRole('alert').filter({ hasText: /Trop de tentatives\. Réessayez dans \d+ secondes\./ })).toBeVisible();
  await backdateLastFailure();
  await tryActivation(page, person, 'ZZZZ2346');
  await expect(page.getByRole('alert').filter({ hasText: GENERIC })).toBeVisible();
  await backdateLastFailure();
  await tryActivation(page, person, 'ZZZZ2347');
  await backdateLastFailure();
  // The 5th failure in 24 h locked activation for 30 minutes: the right code is refused too.
  await tryActivation(page, person, person.code);
  await expect(page.getByRole('alert').filter({ hasText: /l’activation est bloquée\. Réessayez dans 30 minutes/ })).toBeVisible();
  const profile = await db.selectFrom('profiles').select('state').where('id', '=', person.profileId).executeTakeFirstOrThrow();
  expect(profile.state).toBe('PENDING');
  // Every refusal is traced (AUD-1): five wrong codes and the two tries turned away by the wait and the lock.
  const denied = await db.selectFrom('access_events').select('reason').where('profile_id', '=', person.profileId)
    .where('outcome', '=', 'DENIED').orderBy('id').execute();
  expect(denied.map((d) => d.reason)).toEqual(['activation.mismatch', 'activation.mismatch', 'activation.mismatch',
    'activation.wait', 'activation.mismatch', 'activation.mismatch', 'activation.locked']);
});

test('CMP-7, ACT-4: an expired code and a code already used are named as such, the NIR key is checked on the spot', async ({ page, db }) => {
  const expired = await aPendingPerson(db);
  await db.updateTable('activation_codes').set({ expires_at: new Date(Date.now() - 86_400_000) }).where('profile_id', '=', expired.profileId).execute();
  await tryActivation(page, expired, expired.code);
  await expect(page.locator('#code-error')).toContainText('Ce code provisoire a expiré');
  await expectAccessible(page);

  const person = await aPendingPerson(db);
  await tryActivation(page, person, person.code);
  await page.getByLabel(/^Identifiant/).fill(`camille.${Date.now()}`);
  await page.getByLabel(/^Mot de passe/).fill('Foret-Claire-2026!');
  await page.getByLabel('Confirmation du mot de passe').fill('Foret-Claire-2026!');
  const since = Date.now();
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();
  const mail = await waitForMail(person.email, /Votre code/, since);
  await page.getByLabel('Code reçu par courriel').fill(otpIn(mail));
  await page.getByRole('button', { name: 'Activer mon profil' }).click();
  await expect(page.getByText('Votre profil est activé')).toBeVisible();
  await tryActivation(page, person, person.code);
  await expect(page.locator('#code-error')).toContainText('Ce code provisoire a déjà été utilisé');

  await tryActivation(page, { ...person, nir: person.nir.slice(0, 13) + (person.nir.endsWith('01') ? '02' : '01') }, person.code);
  await expect(page.locator('#nir-error')).toContainText('clé');
});

test('ACT-11: five wrong login codes void the code; a new code waits 60 s; an expired code is refused', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await page.goto('/connexion');
  await page.getByLabel('Identifiant').fill(patient.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(patient.password);
  const since = Date.now();
  await page.getByRole('button', { name: 'Continuer' }).click();
  const otp = otpIn(await waitForMail(patient.email, /Votre code/, since));
  const wrong = otp === '123456' ? '654321' : '123456';
  for (const left of [4, 3, 2, 1]) {
    await page.getByLabel('Code reçu par courriel').fill(wrong);
    await page.getByRole('button', { name: 'Me connecter' }).click();
    await expect(page.locator('#otp-error')).toContainText(`Il vous reste ${left} essai`);
  }
  await page.getByLabel('Code reçu par courriel').fill(wrong);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.locator('#otp-error')).toContainText('n’est plus valable après 5 erreurs');
  await page.getByLabel('Code reçu par courriel').fill(otp);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.locator('#otp-error')).toContainText('n’est plus valable après 5 erreurs');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Recevoir un nouveau code' }).click();
  await expect(page.locator('#otp-error')).toContainText('Vous pourrez en demander un autre dans');
  const account = await db.selectFrom('accounts').select('id').where('identifiant', '=', patient.identifiant).executeTakeFirstOrThrow();
  await db.updateTable('otp_challenges').set({ created_at: new Date(Date.now() - 61_000) }).where('subject_id', '=', account.id).execute();
  const resentSince = Date.now();
  await page.getByRole('button', { name: 'Recevoir un nouveau code' }).click();
  await expect(page.getByText('Un nouveau code vient de vous être envoyé.')).toBeVisible();
  const fresh = otpIn(await waitForMail(patient.email, /Votre code/, resentSince));
  await db.updateTable('otp_challenges').set({ expires_at: new Date(Date.now() - 1000) })
    .where('subject_id', '=', account.id).where('used_at', 'is', null).where('voided_at', 'is', null).execute();
  await page.getByLabel('Code reçu par courriel').fill(fresh);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.locator('#otp-error')).toContainText('Ce code a expiré');
  await expect(page).toHaveURL(/\/connexion\/code$/);
});

test('ACT-12: five wrong passwords lock login for 15 minutes and send a security email', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  const since = Date.now();
  for (let i = 1; i <= 5; i++) {
    await page.goto('/connexion');
    await page.getByLabel('Identifiant').fill(patient.identifiant);
    await page.getByLabel(/^Mot de passe/).fill(`Mauvais-${i}-Passe!`);
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.locator('#password-error')).toContainText(i < 5 ? 'Identifiant ou mot de passe incorrect.' : 'la connexion est bloquée');
  }
  const alert = await waitForMail(patient.email, /Alerte de sécurité/, since);
  expect(alert.text).toContain('Cinq mots de passe erronés');
  await page.getByLabel(/^Mot de passe/).fill(patient.password);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#password-error')).toContainText('Réessayez dans 15 minutes');
  await expectAccessible(page);
});

test('CMP-8: a person asks for a new code online; it arrives by email and the old one stops working', async ({ page, db }) => {
  const person = await aPendingPerson(db);
  await page.goto('/activation');
  await page.getByRole('link', { name: 'Recevoir un nouveau code provisoire' }).click();
  await expectAccessible(page);
  const fill = async (serial: string) => {
    await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
    await page.getByLabel('Numéro de série de la carte Vitale').fill(serial);
    await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
    await page.getByRole('button', { name: 'Recevoir un nouveau code' }).click();
  };
  await fill('99999999999');
  await expect(page.getByRole('alert').filter({ hasText: 'ne permettent pas d’envoyer un code' })).toBeVisible();
  const since = Date.now();
  await fill(person.vitaleSerial);
  await expect(page.getByText('Un nouveau code provisoire vient d’être envoyé')).toBeVisible();
  await expectAccessible(page);
  const mail = await waitForMail(person.email, /Votre nouveau code provisoire/, since);
  const code = /code provisoire\s*:\s*([A-Z0-9]{8})\b/.exec(mail.text)?.[1] ?? '';
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await tryActivation(page, person, person.code);
  await expect(page.locator('#code-error')).toContainText('Ce code provisoire a expiré ou a été remplacé');
  await tryActivation(page, person, code);
  await expect(page.getByRole('heading', { level: 1, name: 'Choisir mes identifiants' })).toBeVisible();
});
