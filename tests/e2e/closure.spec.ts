import { readFileSync } from 'node:fs';
import { issueCode } from '@/lib/accounts/issue-code';
import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';
import { otpIn, waitForMail } from './support/mail';
import { aPendingPerson, anActivePatient, typed } from './support/people';

const DAY = 86_400_000;
const stateOf = (db: Parameters<typeof issueCode>[0], id: string) =>
  db.selectFrom('profiles').select(['state', 'closure_reason', 'deletion_requested_at', 'closed_at']).where('id', '=', id).executeTakeFirstOrThrow();

test('CLO-1, CLO-3, CLO-5..7: a patient closes their profile with deletion, is signed out, then re-opens it through activation', async ({ page, db }) => {
  const patient = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page).toHaveURL(/\/espace$/);

  // CLO-1: "Fermer mon profil", with what closing does, the deletion option and a required confirmation.
  await page.goto('/espace/fermeture');
  await expect(page.getByRole('heading', { level: 1, name: 'Fermer mon profil' })).toBeVisible();
  await expect(page.getByText('archivés pendant 10 ans')).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Supprimer aussi mes données').check();
  await page.getByRole('button', { name: 'Fermer définitivement le profil' }).click();
  await expect(page.locator('#confirmed-error')).toContainText('Cochez la case pour confirmer la fermeture du profil.');
  await expect(page.getByLabel('Supprimer aussi mes données')).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel(/Je confirme vouloir fermer mon profil/).check();
  await page.getByRole('button', { name: 'Fermer définitivement le profil' }).click();

  // CLO-3: dated confirmation on the public site, and the session is over.
  await expect(page).toHaveURL(/\/fermeture\/confirmation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Votre profil est fermé' })).toBeVisible();
  await expect(page.getByText(/Fermeture enregistrée le \d{1,2} \S+ \d{4}/)).toBeVisible();
  await expect(page.getByText('La suppression des données est demandée')).toBeVisible();
  await expectAccessible(page);
  expect(await stateOf(db, patient.profileId)).toMatchObject({ state: 'DELETION_REQUESTED', closure_reason: 'HOLDER' });
  await page.goto('/espace');
  await expect(page).toHaveURL(/\/connexion$/);

  // CLO-6, CLO-7: re-opening with a new code asks for consent and warns that the deletion is cancelled.
  const { code } = await issueCode(db, patient.profileId, new Date());
  await page.goto('/activation');
  await page.getByLabel('Numéro de sécurité sociale').fill(patient.nir);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(patient.vitaleSerial);
  await page.getByLabel('Date de naissance').fill(typed(patient.birthDate));
  await page.getByLabel('Code provisoire').fill(code);
  await page.getByLabel(/J’ai lu et j’accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();
  const consent = page.getByLabel(/Je souhaite rouvrir mon profil et retrouver ses données/);
  await expect(consent).toBeVisible();
  await expect(consent).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#reopenConsent-error')).toContainText('Réactiver annule votre demande de suppression');
  await expect(page.getByLabel('Numéro de sécurité sociale')).toHaveValue(patient.nir);
  await expect(page.getByLabel('Code provisoire')).toHaveValue('');
  await expectAccessible(page);
  await page.getByLabel('Code provisoire').fill(code);
  await consent.check();
  await page.getByLabel(/J’ai lu et j’accepte/).check();
  await page.getByRole('button', { name: 'Vérifier et continuer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Choisir mes identifiants' })).toBeVisible();
  const password = 'Nouveau-Depart-2026!';
  await page.getByLabel(/^Identifiant/).fill(patient.identifiant);
  await page.getByLabel(/^Mot de passe/).fill(password);
  await page.getByLabel('Confirmation du mot de passe').fill(password);
  await page.getByLabel(/^Adresse électronique/).fill(patient.email);
  const otpSince = Date.now();
  await page.getByRole('button', { name: 'Recevoir le code de vérification' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Confirmer mon adresse électronique' })).toBeVisible();
  await page.getByLabel('Code reçu par courriel').fill(otpIn(await waitForMail(patient.email, /Votre code/, otpSince)));
  await page.getByRole('button', { name: 'Activer mon profil' }).click();
  await expect(page.getByText('Votre profil est activé')).toBeVisible();
  expect(await stateOf(db, patient.profileId)).toMatchObject({ state: 'ACTIVE', deletion_requested_at: null, closed_at: null });

  // ACT-11 spaces login codes 60 s apart: the first login of this test was less than a minute ago.
  await db.updateTable('otp_challenges').set({ created_at: new Date(Date.now() - 61_000) }).where('subject_id', '=', patient.accountId).execute();
  await passwordThenOtp(page, '/connexion', { identifiant: patient.identifiant, password, email: patient.email });
  await expect(page).toHaveURL(/\/espace$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
});

test('OPP-8, CLO-2: a created, never activated profile is closed on the public site with the code provisoire', async ({ page, db }) => {
  // Its own per-IP bucket (ACT-5), as a reverse proxy would report this client: the suite's other tries are not eaten.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.83' });
  const person = await aPendingPerson(db, new Date(), { firstNames: 'Lucie', birthName: 'FERMAT' });
  await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', person.profileId).execute();

  // The opposition page points a created profile to the closure.
  await page.goto('/opposition');
  await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
  await page.getByLabel('Carte Vitale avec photo').check();
  await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pour qui vous opposez-vous ?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'fermer un profil déjà créé' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Fermer un profil déjà créé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'M’opposer à Mon espace santé' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'recevoir un nouveau code provisoire' })).toBeVisible();
  await expectAccessible(page);
  const fill = async (code: string) => {
    await page.getByLabel('Numéro de sécurité sociale').fill(person.nir);
    await page.getByLabel('Numéro de série de la carte Vitale').fill(person.vitaleSerial);
    await page.getByLabel('Date de naissance').fill(typed(person.birthDate));
    await page.getByLabel('Code provisoire').fill(code);
    await page.getByLabel(/Je confirme vouloir fermer ce profil/).check();
    await page.getByRole('button', { name: 'Fermer définitivement le profil' }).click();
  };
  await fill(person.code === 'ZZZZ2345' ? 'ZZZZ2346' : 'ZZZZ2345');
  await expect(page.locator('#code-error')).toContainText('Les informations saisies ne permettent pas de fermer un profil.');
  await expect(page.getByLabel('Code provisoire')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  await fill(person.code);

  await expect(page).toHaveURL(/\/fermeture\/confirmation$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Le profil est fermé' })).toBeVisible();
  await expectAccessible(page);
  expect(await stateOf(db, person.profileId)).toMatchObject({ state: 'CLOSED', closure_reason: 'OPPOSITION' });
});

test('BO-6, CLO-9, CLO-10, CLO-5: an agent suspends, prints the notice, records the objection, lifts, closes with deletion; the queue shows it', async ({ page, db }) => {
  const person = await aPendingPerson(db, new Date(), { firstNames: 'Inès', birthName: 'SUSPENS' });
  await db.updateTable('profiles').set({ state: 'CREATED' }).where('id', '=', person.profileId).execute();
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await expect(page).toHaveURL(/\/admin$/);

  await page.goto(`/admin/beneficiaires/${person.profileId}/cycle-de-vie`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fermeture, suspension et décès' })).toBeVisible();
  await expect(page.getByText('créé, non activé', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Enregistrer la contestation' })).toHaveCount(0);
  await expectAccessible(page);

  // CLO-9: the reason is required; then the profile is suspended with its objection deadline.
  await page.getByRole('button', { name: 'Suspendre le profil', exact: true }).click();
  await expect(page.locator('#reason-suspension-error')).toContainText('Indiquez le motif de la suspension');
  await page.getByLabel(/Motif de la suspension/).fill('Usage frauduleux signalé par la caisse');
  await page.getByRole('button', { name: 'Suspendre le profil', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profil suspendu' })).toBeVisible();
  await expect(page.getByText('suspendu', { exact: true })).toBeVisible();
  await expect(page.getByText('Usage frauduleux signalé par la caisse')).toBeVisible();
  await expectAccessible(page);

  // The notice to post, as a PDF; the download is traced as SUPPORT.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Courrier de notification de suspension (PDF)' }).click();
  expect(readFileSync(await (await download).path()).subarray(0, 5).toString()).toBe('%PDF-');
  const trace = await db.selectFrom('access_events').select(['actor_type', 'outcome', 'channel'])
    .where('profile_id', '=', person.profileId).where('action', '=', 'profile.suspension-letter').executeTakeFirst();
  expect(trace).toEqual({ actor_type: 'SUPPORT', outcome: 'OK', channel: 'BACKOFFICE' });

  // CLO-10: the objection stops the countdown, then the suspension is lifted.
  await page.getByRole('button', { name: 'Enregistrer la contestation' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Contestation enregistrée' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Enregistrer la contestation' })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Lever la suspension' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Suspension levée' })).toBeVisible();
  await expect(page.getByText('créé, non activé', { exact: true })).toBeVisible();

  // CLO-2, CLO-5: a closure asked by phone, with deletion; past +75 days the queue flags it.
  await page.getByLabel('La personne demande aussi la suppression de ses données').check();
  await page.getByLabel(/J’ai vérifié l’identité de la personne et sa demande de fermeture/).check();
  await page.getByRole('button', { name: 'Fermer le profil', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Profil fermé' })).toBeVisible();
  await expect(page.getByText('suppression demandée', { exact: true })).toBeVisible();
  await expectAccessible(page);
  await db.updateTable('profiles').set({ deletion_requested_at: new Date(Date.now() - 80 * DAY) }).where('id', '=', person.profileId).execute();

  await page.getByRole('link', { name: 'File des suppressions' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'File des suppressions' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Inès SUSPENS' })).toContainText('En retard (plus de 75 jours)');
  await expectAccessible(page);
});
