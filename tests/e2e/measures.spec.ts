import { expect, expectAccessible, test } from './support/fixtures';
import { activateChild } from '@/lib/representatives/activate-child';
import { aChildWaitingFor, anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';

/** « 03/03/2026 » for `daysAgo` days before now, Paris time, as a person types it. */
const dayFr = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

/**
 * MEA-1, MEA-2, MEA-7: a patient enters their weight three times and sees the curve and the table; an
 * out-of-range value is refused on its field in French; a target range shows on the curve; one value is
 * deleted after confirmation.
 */
test('MEA-1, MEA-2, MEA-7: a patient enters weight three times, sees the chart and the table, and an out-of-range value shows the French error on the field', async ({ page, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Ines', birthName: 'MOREAU', sex: 2 });
  await passwordThenOtp(page, '/connexion', patient);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Ines' })).toBeVisible();

  // « Mes mesures »: nothing yet, no IMC without weight and height (MEA-3).
  await page.goto('/espace/mesures');
  await expect(page.getByRole('heading', { level: 1, name: 'Mes mesures' })).toBeVisible();
  const latest = page.getByRole('table', { name: 'Dernières valeurs' });
  await expect(latest.getByRole('row', { name: /^IMC \(calculé\)/ })).toContainText('Non calculé');
  await expectAccessible(page);
  await latest.getByRole('link', { name: 'Poids', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Poids' })).toBeVisible();
  await expect(page.getByText('Aucune valeur enregistrée pour le moment : la courbe apparaîtra dès la première.')).toBeVisible();
  await expectAccessible(page);

  // MEA-2: the date defaults to today, Paris time.
  const value = page.getByRole('textbox', { name: /^Poids \(kg\)/ });
  const date = page.getByRole('textbox', { name: /^Date de la mesure/ });
  const time = page.getByRole('textbox', { name: /^Heure de la mesure/ });
  await expect(date).toHaveValue(dayFr(0));

  // Three weights: two days ago, yesterday, and now (the defaults), typed the French way.
  const table = page.getByRole('table', { name: 'Valeurs enregistrées' });
  for (const [weight, daysAgo] of [['72,5', 2], ['73', 1], ['71,8', 0]] as const) {
    await value.fill(weight);
    if (daysAgo > 0) {
      await date.fill(dayFr(daysAgo));
      await time.fill('08:00');
    }
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await expect(table).toContainText(new RegExp(`${weight}\\s*kg`));
    await expect(page.getByText('Mesure enregistrée')).toBeVisible();
    await expect(page).toHaveURL(/\/espace\/mesures\/poids\?enregistre=/);
  }
  const chart = page.getByRole('img', { name: /^Courbe : Poids/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText('3 valeurs');
  await expect(chart.locator('desc')).toContainText(/Dernière valeur : 71,8\s*kg/);
  await expect(table.getByRole('row')).toHaveCount(4); // header + 3 values, newest first
  await expect(table.getByRole('row').nth(1)).toContainText(/71,8\s*kg/);
  await expect(table.getByRole('row').nth(2)).toContainText(/73\s*kg/);
  await expect(table.getByRole('row').nth(3)).toContainText(/72,5\s*kg/);
  await expectAccessible(page);

  // MEA-1: 401 kg is refused, the French message tied to the field, nothing added.
  await value.fill('401');
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(page.locator('#value-error')).toContainText(/Le poids doit être compris entre 0,3 et 400\s*kg\./);
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveAttribute('aria-describedby', 'value-hint value-error');
  await expect(value).toHaveValue('401');
  await expect(page.getByText('Mesure enregistrée')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Poids \(kg\) : Le poids doit être compris entre 0,3 et 400/ })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  await expectAccessible(page);

  // MEA-2: a date in the future is refused on the date field.
  await value.fill('72');
  await date.fill(dayFr(-2));
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(page.locator('#date-error')).toContainText('La date de la mesure ne peut pas être dans le futur.');
  await expect(date).toHaveAttribute('aria-invalid', 'true');

  // MEA-7: a target range shows on the curve and in the table.
  await page.getByRole('textbox', { name: 'Borne basse (kg)' }).fill('70');
  await page.getByRole('textbox', { name: 'Borne haute (kg)' }).fill('72,5');
  await page.getByRole('button', { name: 'Enregistrer l’objectif' }).click();
  await expect(page.getByText('Objectif enregistré')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Légende' })).toContainText(/Objectif : entre 70 et 72,5\s*kg/);
  await expect(table.getByRole('row').nth(2)).toContainText('Au-dessus de l’objectif');
  await expect(table.getByRole('row').nth(1)).toContainText('Dans l’objectif');
  await expectAccessible(page);

  // MEA-2: deleting one's own value asks for confirmation first.
  await table.getByRole('row').nth(2).getByRole('link', { name: /^Supprimer la valeur du/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Supprimer cette valeur ?' })).toBeVisible();
  await expect(page.getByText(/73\s*kg, mesuré le/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Supprimer définitivement' }).click();
  await expect(page.getByText('Valeur supprimée')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table).not.toContainText(/73\s*kg/);

  // MEA-7: the target range can be removed.
  await page.getByRole('button', { name: 'Supprimer l’objectif' }).click();
  await expect(page.getByText('Objectif supprimé')).toBeVisible();
  await expect(page.getByText('Aucun objectif pour le moment.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Légende' })).not.toContainText('Objectif');

  // Back on « Mes mesures », the latest weight and its date.
  await page.getByRole('link', { name: 'Retour à mes mesures' }).click();
  await expect(latest.getByRole('row', { name: /^Poids/ })).toContainText(/71,8\s*kg/);
  await expectAccessible(page);
});

/** REP-5, MEA-2: a parent enters a measure on their child's profile; every link and form keeps the child's `?profil=`. */
test('REP-5, MEA-1, MEA-2: a representative enters a head circumference on the child’s profile, not on their own', async ({ page, db }) => {
  const parent = await anActivatedAdult(db, { firstNames: 'Sarah', birthName: 'LEROY', sex: 2 });
  const child = await aChildWaitingFor(db, parent.nir, { firstNames: 'Lina', birthName: 'LEROY', birthDate: '2024-05-02' });
  const account = await db.selectFrom('accounts').select('id').where('profile_id', '=', parent.profileId).executeTakeFirstOrThrow();
  await activateChild(db, { kind: 'PATIENT', accountId: account.id, name: parent.name, ownProfileId: parent.profileId, representedProfileIds: [] },
    { profileId: child.profileId, code: child.code, certified: true }, new Date());
  await passwordThenOtp(page, '/connexion', parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Sarah' })).toBeVisible();

  await page.goto('/espace/mesures');
  await page.getByRole('navigation', { name: 'Autres profils' }).getByRole('link', { name: 'Lina' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mesures de Lina' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/espace/mesures\\?profil=${child.profileId}$`));
  await expect(page.getByText('Avant 18 ans, l’IMC se lit sur les courbes de croissance')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('table', { name: 'Dernières valeurs' }).getByRole('link', { name: 'Périmètre crânien' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Périmètre crânien de Lina' })).toBeVisible();

  // MEA-2: not before the child's birth.
  await page.getByRole('textbox', { name: /^Périmètre crânien \(cm\)/ }).fill('35');
  await page.getByRole('textbox', { name: /^Date de la mesure/ }).fill('01/05/2024');
  await page.getByRole('textbox', { name: /^Heure de la mesure/ }).fill('10:00');
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(page.locator('#date-error')).toContainText('La date de la mesure ne peut pas précéder la date de naissance (2 mai 2024).');
  await expectAccessible(page);

  await page.getByRole('textbox', { name: /^Périmètre crânien \(cm\)/ }).fill('45,5');
  await page.getByRole('textbox', { name: /^Date de la mesure/ }).fill(dayFr(1));
  await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
  await expect(page.getByText('Mesure enregistrée')).toBeVisible();
  await expect(page.locator('#date-error')).toHaveCount(0); // the form starts afresh after a save
  await expect(page.getByRole('textbox', { name: /^Périmètre crânien \(cm\)/ })).toHaveValue('');
  await expect(page).toHaveURL(new RegExp(`profil=${child.profileId}`));
  await expect(page.getByRole('table', { name: 'Valeurs enregistrées' })).toContainText(/45,5\s*cm/);
  await expect(page.getByRole('img', { name: /^Courbe : Périmètre crânien de Lina/ })).toBeVisible();
  await expectAccessible(page);

  // The parent's own measures are untouched.
  await page.goto('/espace/mesures/perimetre-cranien');
  await expect(page.getByRole('heading', { level: 1, name: 'Périmètre crânien' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Valeurs enregistrées' })).toContainText('Aucune valeur enregistrée pour le moment.');
});

/**
 * MEA-6, MEA-3: a parent opens the child's weight page: the values are drawn on the WHO growth curves
 * with the reference version and where the latest falls; the child's IMC page shows the computed IMC on
 * its curves. The parent's own weight keeps the plain chart.
 */
test('MEA-6, MEA-3: a parent sees the child’s weight on WHO growth curves with the reference version and the percentile; an adult’s page keeps the plain chart', async ({ page, db }) => {
  const parent = await anActivatedAdult(db, { firstNames: 'Nadia', birthName: 'GARNIER', sex: 2 });
  const child = await aChildWaitingFor(db, parent.nir, { firstNames: 'Lou', birthName: 'GARNIER', birthDate: '2024-05-02' });
  const account = await db.selectFrom('accounts').select('id').where('profile_id', '=', parent.profileId).executeTakeFirstOrThrow();
  await activateChild(db, { kind: 'PATIENT', accountId: account.id, name: parent.name, ownProfileId: parent.profileId, representedProfileIds: [] },
    { profileId: child.profileId, code: child.code, certified: true }, new Date());
  await passwordThenOtp(page, '/connexion', parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Nadia' })).toBeVisible();

  const enter = async (field: RegExp, value: string, date: string, time: string) => {
    await page.getByRole('textbox', { name: field }).fill(value);
    await page.getByRole('textbox', { name: /^Date de la mesure/ }).fill(date);
    await page.getByRole('textbox', { name: /^Heure de la mesure/ }).fill(time);
    await page.getByRole('button', { name: 'Enregistrer la mesure' }).click();
    await expect(page.getByText('Mesure enregistrée')).toBeVisible();
  };
  await page.goto(`/espace/mesures/poids?profil=${child.profileId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Poids de Lou' })).toBeVisible();
  await enter(/^Poids \(kg\)/, '3,3', '02/05/2024', '10:00');
  await enter(/^Poids \(kg\)/, '8,8', '02/05/2025', '10:00');

  const chart = page.getByRole('img', { name: /^Courbe : Poids de Lou/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator('desc')).toContainText(/Dernière valeur : 8,8\s*kg à 12\s*mois, entre le 15e et le 50e percentile\./);
  await expect(page.getByText(/^À 12\s*mois, 8,8\s*kg : entre le 15e et le 50e percentile\.$/)).toBeVisible();
  await expect(page.getByText(/^Courbes de référence OMS \(version who-2006-2007 : OMS 2006 \(0 à 5 ans\) et OMS 2007 \(5 à 19 ans\)\)\.$/)).toBeVisible();
  const legend = page.getByRole('list', { name: 'Légende' });
  await expect(legend).toContainText('Valeurs de Lou');
  await expect(legend).toContainText('Médiane (50e percentile)');
  await expect(legend).toContainText('3e et 97e percentiles');
  await expect(page.getByRole('table', { name: 'Valeurs enregistrées' }).getByRole('row')).toHaveCount(3); // the table stays beside the chart
  await expectAccessible(page);

  // MEA-3: with a height the same day, the child's IMC is computed and read on its own growth curves.
  await page.goto(`/espace/mesures/taille?profil=${child.profileId}`);
  await enter(/^Taille \(cm\)/, '74', '02/05/2025', '11:00');
  await expect(page.getByRole('img', { name: /^Courbe : Taille de Lou/ })).toBeVisible();
  await page.getByRole('link', { name: 'Voir l’IMC sur les courbes de croissance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'IMC de Lou' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/espace/mesures/imc\\?profil=${child.profileId}$`));
  await expect(page.getByRole('img', { name: /^Courbe : IMC de Lou/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'IMC calculés' })).toContainText(/16,1\s*kg\/m²/); // 8,8 / 0,74²
  await expect(page.getByText(/^Courbes de référence OMS \(version who-2006-2007/)).toBeVisible();
  await expectAccessible(page);

  // The parent's own weight: the plain chart, no growth curves.
  await page.goto('/espace/mesures/poids');
  await enter(/^Poids \(kg\)/, '64', dayFr(1), '08:00');
  await expect(page.getByRole('img', { name: /^Courbe : Poids/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Courbe : Poids/ }).locator('desc')).not.toContainText('percentile');
  await expect(page.getByText(/Courbes de référence OMS/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Voir l’IMC sur les courbes de croissance' })).toHaveCount(0);
});
