import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './support/fixtures';
import { aStaffMember } from '../factories';
import { passwordThenOtp } from './support/flows';
import { aPendingPerson } from './support/people';

/** OPP-3, OPP-5, OPP-6 through the public site: identify, tick the child, download the receipt. */
test('OPP-3, OPP-5, OPP-6: a parent objects for their child on the web and downloads the PDF receipt', async ({ page, db }) => {
  const parent = await aPendingPerson(db, new Date(), { firstNames: 'Nadia', birthName: 'BENALI' });
  const child = await aPendingPerson(db, new Date(), { firstNames: 'Yanis', birthName: 'BENALI' });
  for (const [p, parentNir] of [[parent, null], [child, parent.nir]] as const) {
    await db.insertInto('insured_people').values({
      nir: p.nir, vitale_serial: p.vitaleSerial, birth_name: 'BENALI', first_names: 'X', birth_date: p.birthDate, sex: 1, birth_place: '75056',
      departement: '75', email: null, mobile: null, postal_address: 'adresse', parent_nir: parentNir, ase: false, has_dmp: false, row_hash: 'x',
      last_import_id: null, updated_at: new Date(),
    }).execute();
  }

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'M’opposer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'M’opposer à Mon espace santé' })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel('Numéro de sécurité sociale').fill(parent.nir);
  await page.getByLabel('Carte Vitale avec photo').check();
  await page.getByLabel('Numéro de série de la carte Vitale').fill('12345');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#vitaleSerial-error')).toContainText('11 chiffres');
  await expectAccessible(page);
  await page.getByLabel('Numéro de série de la carte Vitale').fill(parent.vitaleSerial);
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Pour qui vous opposez-vous ?' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Confirmer mon opposition' }).click();
  await expect(page.getByText('Cochez au moins une personne.').first()).toBeVisible();
  await page.getByLabel(/Mon enfant : Yanis BENALI/).check();
  await page.getByRole('button', { name: 'Confirmer mon opposition' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Votre opposition est enregistrée' })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Télécharger le récépissé OPP-\d{4}-\d{8} \(Yanis BENALI, PDF\)/ }).click();
  const file = await (await download).path();
  expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  const states = await db.selectFrom('profiles').select(['id', 'state']).where('id', 'in', [parent.profileId, child.profileId]).execute();
  expect(Object.fromEntries(states.map((s) => [s.id, s.state]))).toEqual({ [parent.profileId]: 'PENDING', [child.profileId]: 'OPPOSED' });
});

test('BO-2, OPP-2, OPP-4: an agent keys a letter opposition with its postmark and downloads the receipt', async ({ page, db }) => {
  const person = await aPendingPerson(db);
  await db.updateTable('profiles').set({ notice_sent_at: new Date(), opposition_deadline: '2099-12-31' }).where('id', '=', person.profileId).execute();
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/beneficiaires/${person.profileId}`);
  await expectAccessible(page);
  await page.getByLabel('par courrier').check();
  await page.getByRole('button', { name: 'Enregistrer l’opposition' }).click();
  await expect(page.locator('#postmarkDate-error')).toContainText('Indiquez la date du cachet de la poste.');
  await page.getByLabel('par courrier').check();
  await page.getByLabel('Date du cachet de la poste').fill('02/11/2026');
  await page.getByRole('button', { name: 'Enregistrer l’opposition' }).click();
  await expect(page.getByText('opposé', { exact: true })).toBeVisible();
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /télécharger le récépissé OPP-\d{4}-\d{8} \(PDF\)/ }).click();
  expect(readFileSync(await (await download).path()).subarray(0, 5).toString()).toBe('%PDF-');
  // OPP-9: the person changes their mind; the agent withdraws the opposition.
  await page.getByRole('button', { name: 'Retirer l’opposition' }).click();
  await expect(page.getByText('créé, non activé', { exact: true })).toBeVisible();
  await expectAccessible(page);
});
