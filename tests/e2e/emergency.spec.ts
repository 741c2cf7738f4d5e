import type { Page } from '@playwright/test';
import type { PatientActor } from '@/lib/access/actor';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp, signInWithProSanteConnect } from './support/flows';
import { aStaffMember } from '../factories';
import { waitForMail } from './support/mail';

const CLAIRE_MARTIN = '10100000001'; // médecin
const INES = '10100000003'; // infirmière
const JUSTIFICATION = 'Patiente inconsciente au SAU, recherche de ses traitements et allergies';
const holderOf = (p: { profileId: string; name: string }, accountId: string): PatientActor =>
  ({ kind: 'PATIENT', accountId, name: p.name, ownProfileId: p.profileId, representedProfileIds: [] });

async function fillEmergency(page: Page, justification: string) {
  await page.getByLabel('Motif').selectOption({ label: 'Patient inconscient ou hors d’état d’exprimer sa volonté' });
  await page.getByLabel(/^Justification/).fill(justification);
  await page.getByRole('button', { name: 'Accéder au profil en urgence' }).click();
}

test('EMG-2, EMG-5: a doctor starts a bris de glace; the patient is emailed at once with the justification', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Alice', birthName: 'URGENCE', sex: 2 });
  await signInWithProSanteConnect(page, CLAIRE_MARTIN);
  await page.goto(`/pro/patients/${patient.profileId}/urgence`);
  await expect(page.getByRole('heading', { level: 1, name: 'Accès en urgence' })).toBeVisible();
  await expect(page.getByText('Le patient est prévenu immédiatement')).toBeVisible();
  // EMG-3: not in a SAMU regulation centre, so no regulation mode.
  await expect(page.getByRole('radio', { name: /^Bris de glace : le patient ne peut pas exprimer sa volonté/ })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Régulation SAMU' })).toHaveCount(0);
  await expectAccessible(page);

  // EMG-2: 14 characters are refused, the error tied to the field.
  await fillEmergency(page, '  Arrêt cardia  ');
  await expect(page.locator('#justification-error')).toContainText('15 caractères au moins');
  await expect(page.getByLabel(/^Justification/)).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  expect(await db.selectFrom('emergency_accesses').select('id').where('profile_id', '=', patient.profileId).execute()).toEqual([]);

  const since = Date.now();
  await fillEmergency(page, JUSTIFICATION);
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${patient.profileId}$`));
  const mail = await waitForMail(patient.email, /Du nouveau dans Mon espace santé/, since);
  for (const text of ['accédé à votre profil en situation d’urgence', 'Claire Martin', 'Médecin', 'Bris de glace', JUSTIFICATION]) {
    expect(mail.text).toContain(text);
  }
});

test('PRO-6: a doctor the patient blocked is refused even in an emergency, and nothing is sent', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Berthe', birthName: 'BLOQUE', sex: 2 });
  const claire = await db.selectFrom('professionals').select('id').where('rpps', '=', CLAIRE_MARTIN).executeTakeFirstOrThrow();
  const account = await db.selectFrom('accounts').select('id').where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow();
  await blockProfessional(db, holderOf(patient, account.id), { profileId: patient.profileId, professionalId: claire.id }, new Date());

  await signInWithProSanteConnect(page, CLAIRE_MARTIN);
  await page.goto(`/pro/patients/${patient.profileId}/urgence`);
  await fillEmergency(page, JUSTIFICATION);
  await expect(page.getByRole('alert').filter({ hasText: 'Nous n’avons pas pu continuer' })).toContainText('le patient a bloqué l’accès de ce professionnel de santé à son profil');
  await expect(page).toHaveURL(/\/urgence$/);
  await expectAccessible(page);
  expect(await db.selectFrom('emergency_accesses').select('id').where('profile_id', '=', patient.profileId).execute()).toEqual([]);
  const refused = await db.selectFrom('access_events').select(['outcome', 'reason']).where('profile_id', '=', patient.profileId)
    .where('action', '=', 'emergency.start').execute();
  expect(refused).toEqual([{ outcome: 'DENIED', reason: 'pro-blocked' }]);
});

test('EMG-6, EMG-7: the médecin traitant reads the secure message; an agent finds the access in the per-professional report', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Colette', birthName: 'TRAITEE', sex: 2 });
  const claire = await db.selectFrom('professionals').select('id').where('rpps', '=', CLAIRE_MARTIN).executeTakeFirstOrThrow();
  await db.updateTable('profiles').set({ declared_gp_id: claire.id }).where('id', '=', patient.profileId).execute();

  // A nurse starts the bris de glace (any professional may: EMG-2).
  await signInWithProSanteConnect(page, INES);
  await page.goto(`/pro/patients/${patient.profileId}/urgence`);
  await fillEmergency(page, JUSTIFICATION);
  await expect(page).toHaveURL(new RegExp(`/pro/patients/${patient.profileId}$`));

  await page.context().clearCookies();
  await signInWithProSanteConnect(page, CLAIRE_MARTIN);
  await page.goto('/pro/messages');
  await expect(page.getByRole('heading', { level: 1, name: 'Messagerie sécurisée' })).toBeVisible();
  const row = page.getByRole('row', { name: /Accès en urgence au profil de Colette TRAITEE/ });
  await expect(row.getByText('Non lu')).toBeVisible();
  await expectAccessible(page);
  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Accès en urgence au profil de Colette TRAITEE' })).toBeVisible();
  await expect(page.getByText(`Justification : « ${JUSTIFICATION} »`)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/pro/messages');
  await expect(page.getByRole('row', { name: /Colette TRAITEE/ }).getByText('Lu', { exact: true })).toBeVisible();

  await page.context().clearCookies();
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db)); // not the demo agent: other specs sign it in (OTP throttle)
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Accès en urgence' }).click();
  await page.getByLabel(/^Numéro RPPS/).fill(INES);
  await page.getByRole('button', { name: 'Afficher le rapport' }).click();
  const accesses = page.getByRole('table', { name: /Accès en urgence, du plus récent/ });
  await expect(accesses.getByRole('row', { name: new RegExp(JUSTIFICATION) })).toContainText('Bris de glace');
  await expect(accesses).not.toContainText(patient.nir.slice(3, 13));
  await expectAccessible(page);
});
