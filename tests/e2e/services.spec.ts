import { DEMO } from '@/db/seed';
import { E2E_PORT } from '../../playwright.config';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';

const API = `http://localhost:${E2E_PORT}/api/services/v1/measures`;
const credentials = `Basic ${Buffer.from(`${DEMO.service.clientId}:${DEMO.service.clientSecret}`).toString('base64')}`;

/** The demo scale sends one weight, as a connected service would. */
async function pushWeight(ins: string, value: number) {
  const response = await fetch(API, {
    method: 'POST',
    headers: { authorization: credentials, 'content-type': 'application/json' },
    body: JSON.stringify({ ins, measures: [{ type: 'WEIGHT', value, unit: 'kg', effectiveAt: new Date(Date.now() - 3_600_000).toISOString() }] }),
  });
  return { status: response.status, body: await response.json() };
}

/**
 * MEA-8, CAT-3, CAT-5: the patient synchronises Mon espace santé with the demo scale (consent per purpose,
 * the mandatory one required); the scale's weight then shows « Transmis par … »; once disconnected, the
 * scale is refused at once and the weight it sent stays.
 */
test('MEA-8, CAT-3, CAT-5: a patient connects the demo scale, its weight shows « Transmis par », and after disconnection the API answers 403', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Lucie', birthName: 'BERNARD', sex: 2 });
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Lucie' })).toBeVisible();

  // MEA-8: before any consent the scale is refused.
  expect(await pushWeight(patient.nir, 74.2)).toEqual({ status: 403, body: { error: 'Consent not given' } });

  await page.goto('/espace/confidentialite');
  await page.getByRole('link', { name: /^Services connectés/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Services connectés' })).toBeVisible();
  const card = page.getByRole('region', { name: DEMO.service.name });
  await expect(card).toContainText('Non connecté');
  await expectAccessible(page);

  // CAT-3: one checkbox per purpose; the mandatory one is ticked and required, the optional one is not ticked.
  await card.getByRole('link', { name: `Synchroniser Mon espace santé avec ${DEMO.service.name}` }).click();
  const form = page.getByRole('group', { name: `Ce que ${DEMO.service.name} pourra faire` });
  const mandatory = form.getByRole('checkbox', { name: /Envoyer dans Mon espace santé le poids mesuré à chaque pesée/ });
  const optional = form.getByRole('checkbox', { name: /Lire vos mesures de poids et de taille/ });
  await expect(mandatory).toBeChecked();
  await expect(page.getByText('(obligatoire)')).toBeVisible();
  await expect(optional).not.toBeChecked();
  await expectAccessible(page);

  // CAT-3: declining the mandatory purpose is refused on its checkbox, in French.
  await mandatory.uncheck();
  await page.getByRole('button', { name: 'Confirmer la synchronisation' }).click();
  await expect(page.locator('#finalite-MEASURES_WRITE-error')).toContainText(`Pour synchroniser ${DEMO.service.name}, vous devez accepter`);
  await expect(mandatory).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);
  expect((await pushWeight(patient.nir, 74.2)).status).toBe(403);

  await mandatory.check();
  await page.getByRole('button', { name: 'Confirmer la synchronisation' }).click();
  await expect(page.getByText(`Mon espace santé est synchronisé avec ${DEMO.service.name}`)).toBeVisible();
  await expect(card).toContainText('Connecté depuis le');
  await expect(card.getByRole('listitem')).toHaveText(['Envoyer dans Mon espace santé le poids mesuré à chaque pesée']);

  // MEA-8: with consent the scale's weight is stored and read « Transmis par … ».
  expect(await pushWeight(patient.nir, 74.2)).toEqual({ status: 201, body: { stored: 1 } });
  await page.goto('/espace/mesures/poids');
  const table = page.getByRole('table', { name: 'Valeurs enregistrées' });
  await expect(table.getByRole('row').nth(1)).toContainText(/74,2\s*kg/);
  await expect(table.getByRole('row').nth(1)).toContainText(`Transmis par ${DEMO.service.name}`);
  await expectAccessible(page);

  // CAT-5: disconnection takes effect at once; the weight already sent stays.
  await page.goto('/espace/services');
  await card.getByRole('button', { name: `Déconnecter ${DEMO.service.name}` }).click();
  await expect(page.getByText(`${DEMO.service.name} est déconnecté`)).toBeVisible();
  await expect(card).toContainText('Non connecté');
  expect(await pushWeight(patient.nir, 75)).toEqual({ status: 403, body: { error: 'Consent not given' } });
  await page.goto('/espace/mesures/poids');
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table).toContainText(`Transmis par ${DEMO.service.name}`);
});
