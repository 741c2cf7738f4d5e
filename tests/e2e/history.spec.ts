import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PatientActor, ProfessionalActor } from '@/lib/access/actor';
import { recordAccess, recordAccesses } from '@/lib/audit/record-access';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';

const doctor: ProfessionalActor = { kind: 'PROFESSIONAL', professionalId: randomUUID(), rpps: '10000000002', name: 'Dr Paul Girard',
  professionCode: '10', professionLabel: 'Médecin' };

/**
 * AUD-4, AUD-5, FS-5, EMG-7: a patient filters the history by period and actor type, pages through it,
 * reads the emergency access, the refused attempt and the advisor's help, and downloads the CSV of the
 * filtered lines; the download then shows in the history.
 */
test('AUD-4, AUD-5, FS-5, EMG-7: the patient filters the history, pages through it and downloads the CSV of the filtered lines', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Agathe', birthName: 'ROUSSEL', sex: 2 });
  const account = await db.selectFrom('accounts').select('id').where('profile_id', '=', patient.profileId).executeTakeFirstOrThrow();
  const me: PatientActor = { kind: 'PATIENT', accountId: account.id, name: patient.name, ownProfileId: patient.profileId, representedProfileIds: [] };
  const site = await db.insertInto('france_services_sites').values({ name: `France Services de Bellac ${randomUUID().slice(0, 4)}`, commune: 'Bellac', departement: '87' })
    .returning(['id', 'name']).executeTakeFirstOrThrow();
  // October 2025 (Paris time): 25 logins, then a professional in an emergency, a refused attempt, an advisor's help.
  await recordAccesses(db, Array.from({ length: 25 }, (_, i) => ({ actor: me, action: 'account.login', profileId: patient.profileId,
    at: new Date(Date.UTC(2025, 9, 10, 7, i)) })));
  await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, at: new Date('2025-10-12T09:00:00Z'), mode: 'EMERGENCY' });
  await recordAccess(db, { actor: doctor, action: 'document.read', profileId: patient.profileId, at: new Date('2025-10-12T10:00:00Z'), denied: 'pro-blocked' });
  await recordAccess(db, { actor: { kind: 'ADVISOR', staffId: randomUUID(), siteId: site.id, name: 'Lucie Moreau' }, action: 'profile.code.reissue',
    profileId: patient.profileId, at: new Date('2025-10-13T09:00:00Z') });

  await passwordThenOtp(page, '/connexion', patient);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Agathe' })).toBeVisible();
  await page.getByRole('link', { name: 'Historique d’activité' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Historique d’activité' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Toute l’activité' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(page);

  // AUD-4: a period the wrong way round is explained, tied to its field.
  await page.getByLabel('Du', { exact: true }).fill('2025-10-31');
  await page.getByLabel('Au', { exact: true }).fill('2025-10-01');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page.locator('#resume-erreurs')).toContainText('La date « Au » doit être le même jour que la date « Du » ou après.');
  await expect(page.getByLabel('Au', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // AUD-4, EMG-7: October 2025, health professionals only.
  await page.getByLabel('Du', { exact: true }).fill('2025-10-01');
  await page.getByLabel('Au', { exact: true }).fill('2025-10-31');
  await page.getByLabel('Type d’acteur').selectOption({ label: 'Professionnels de santé' });
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/onglet=professionnels/);
  const table = page.getByRole('table', { name: 'Professionnels, du 01/10/2025 au 31/10/2025' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').nth(1)).toContainText('Tentative d’accès refusée');
  await expect(table.getByRole('row').nth(1)).toContainText('Refusé');
  await expect(table.getByRole('row').nth(2)).toContainText('Dr Paul Girard (Médecin)');
  await expect(table.getByRole('row').nth(2)).toContainText('Accès en urgence');
  await expect(table.getByRole('row').nth(2)).toContainText('12 octobre 2025 à 11:00');
  await expectAccessible(page);

  // FS-5: the tab keeps the period; the advisor's help is shown with the site.
  await page.getByRole('link', { name: 'Assurance Maladie et accompagnement' }).click();
  await expect(page).toHaveURL(/du=2025-10-01/);
  await expect(page.getByRole('row').filter({ hasText: 'Envoi d’un nouveau code provisoire' }))
    .toContainText(`Avec l’aide d’un conseiller France Services (Lucie Moreau, ${site.name})`);
  await expectAccessible(page);

  // AUD-4: 28 lines in October: "Plus anciens" then "Plus récents", the filters kept.
  await page.getByRole('link', { name: 'Toute l’activité' }).click();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(21);
  await expect(rows.nth(1)).toContainText('Envoi d’un nouveau code provisoire');
  await page.getByRole('link', { name: 'Plus anciens' }).click();
  await expect(page).toHaveURL(/avant=\d+/);
  await expect(page).toHaveURL(/au=2025-10-31/);
  await expect(rows).toHaveCount(9);
  await expect(rows.nth(8)).toContainText('10 octobre 2025 à 09:00');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Plus récents' }).click();
  await expect(rows).toHaveCount(21);
  await expect(rows.nth(1)).toContainText('Envoi d’un nouveau code provisoire');

  // AUD-5: the CSV holds the 28 filtered lines, for a French spreadsheet.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger au format CSV (tableur)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^historique-activite-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('Date et heure (heure de Paris);Type d’acteur;Auteur;Action;Document;Mode d’accès;Résultat');
  expect(lines).toHaveLength(1 + 28);
  expect(lines[1]).toBe(`13/10/2025 11:00:00;Assurance Maladie et France Services;Avec l’aide d’un conseiller France Services (Lucie Moreau, ${site.name});` +
    'Envoi d’un nouveau code provisoire;;Avec l’aide d’un conseiller France Services;Effectuée');
  expect(lines[2]).toBe('12/10/2025 12:00:00;Professionnels de santé;Dr Paul Girard (Médecin);Tentative d’accès refusée;;Normal;Refusée');
  expect(lines[3]).toBe('12/10/2025 11:00:00;Professionnels de santé;Dr Paul Girard (Médecin);Consultation d’un document;;Accès en urgence;Effectuée');
  expect(lines[28]).toBe('10/10/2025 09:00:00;Moi et mes proches;Vous;Connexion à Mon espace santé;;Normal;Effectuée');

  // AUD-1, AUD-5: the download is itself in the history.
  await page.getByRole('link', { name: 'Effacer les filtres' }).click();
  await page.getByRole('link', { name: 'Mes actions' }).click();
  await expect(page.getByRole('table').getByRole('row').nth(1)).toContainText('Téléchargement de l’historique d’activité');
  await expectAccessible(page);
});
