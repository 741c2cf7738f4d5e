import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { passwordThenOtp } from './support/flows';

/**
 * BO-7, PRV-1, PRV-7: a supervisor of its own (not the shared demo agent) publishes a new edition of a prevention
 * calendar and a new version of the « Pourquoi ce message ? » texts. Both take effect in 2090, so the other specs
 * (agenda items, prevention messages) keep reading today's data.
 */
test('BO-7, PRV-1, PRV-7: a supervisor publishes a calendar edition and a new version of the « Pourquoi ce message ? » texts', async ({ page, db }) => {
  test.setTimeout(120_000);
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db, 'SUPERVISOR'));
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Données de référence', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Données de référence' })).toBeVisible();
  await expectAccessible(page);

  // The calendars, then one of them with its editions and the items in force.
  await page.getByRole('link', { name: 'Calendriers de prévention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Calendriers de prévention' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Mon bilan prévention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mon bilan prévention' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Édition 2024/ })).toContainText('En vigueur');
  await expect(page.getByRole('rowheader', { name: 'Mon bilan prévention (18-25 ans)' })).toBeVisible();
  await expectAccessible(page);

  // A new edition from the items in force: errors first (empty label, date in the past), in French, on their fields.
  await page.getByRole('link', { name: 'Préparer une nouvelle édition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Nouvelle édition : Mon bilan prévention' })).toBeVisible();
  await expectAccessible(page);
  const first = page.getByRole('group', { name: /^Élément 1 :/ });
  await page.getByLabel(/^Nom de l’édition/).fill('2090');
  await page.getByLabel(/^Date d’effet/).fill('01/01/2020');
  await page.getByLabel(/^Note \(obligatoire\)/).fill('Libellé des 18-25 ans revu');
  await first.getByLabel(/^Libellé/).fill('');
  await page.getByRole('button', { name: 'Publier l’édition' }).click();
  await expect(page.locator('#label_0-error')).toContainText('Saisissez le libellé de l’élément 1.');
  await expectAccessible(page);
  await first.getByLabel(/^Libellé/).fill('Mon bilan prévention des jeunes adultes (18-25 ans)');
  await page.getByRole('button', { name: 'Publier l’édition' }).click();
  await expect(page.locator('#dateEffet-error')).toContainText('La date d’effet ne peut pas être dans le passé.');
  await page.getByLabel(/^Date d’effet/).fill('01/01/2090');
  await page.getByRole('button', { name: 'Publier l’édition' }).click();

  await expect(page.getByText('Édition « 2090 » publiée')).toBeVisible();
  await expect(page.getByRole('row', { name: /Édition 2090/ })).toContainText('À venir');
  await expect(page.getByRole('row', { name: /Édition 2024/ })).toContainText('1 janvier 2090');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Édition 2090' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Éléments de l’édition 2090' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Mon bilan prévention des jeunes adultes (18-25 ans)' })).toBeVisible();

  // « Pourquoi ce message ? »: an unknown placeholder is refused, the preview shows the sentences, then publish.
  await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Données de référence', exact: true }).click();
  await page.getByRole('link', { name: '« Pourquoi ce message ? »' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '« Pourquoi ce message ? »' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Une femme de 50 ans/ })).toContainText('Vous avez 50 ans. Vous êtes une femme. Vous habitez la Haute-Vienne.');
  await expectAccessible(page);
  await page.getByLabel(/^Âge/).fill('{prenom}, vous avez {age} {ans}.');
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  await expect(page.locator('#AGE-error')).toContainText('Le texte « Âge » contient un champ inconnu : {prenom}. Champs possibles : {age}, {ans}.');
  await expectAccessible(page);
  await page.getByLabel(/^Âge/).fill('À {age} {ans}, ce dépistage vous concerne.');
  await page.getByRole('button', { name: 'Prévisualiser' }).click();
  const preview = page.getByRole('region', { name: 'Aperçu' });
  await expect(preview).toContainText('À 50 ans, ce dépistage vous concerne.');
  await expect(preview).toContainText('À 1 an, ce dépistage vous concerne.');
  await expectAccessible(page);
  await page.getByLabel(/^Date d’effet/).fill('01/01/2090');
  await page.getByLabel(/^Note \(obligatoire\)/).fill('L’âge dit pourquoi le dépistage concerne la personne');
  await page.getByRole('button', { name: 'Publier la nouvelle version' }).click();
  await expect(page.getByText('Version 2 publiée')).toBeVisible();
  await expect(page.getByText(/^Version 2 à venir : en vigueur à partir du 1 janvier 2090/)).toBeVisible();
  // Until then the texts in force are unchanged.
  await expect(page.getByRole('row', { name: /Une femme de 50 ans/ })).toContainText('Vous avez 50 ans.');
  await expectAccessible(page);
});
