import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DEMO_ADVISOR, DEMO_AGENT, passwordThenOtp } from './support/flows';
import { anActivePatient } from './support/people';

const SECRET_TEXT = 'Sérologie confidentielle 4242';

/** Every page of the record (issue #5); `{doc}` and `{profile}` are the owner's real ids. */
const PAGES = [
  '/espace/documents', '/espace/documents/{doc}', '/espace/documents/ajouter', '/espace/confidentialite',
  '/espace/profil-medical', '/espace/profil-medical/allergies', '/espace/profil-medical/synthese',
  '/espace/profil-medical/directives-anticipees', '/espace/mesures', '/espace/mesures/poids', '/espace/mesures/imc',
  '/espace/histoire-de-sante', '/espace/historique', '/espace/notifications', '/espace/notifications/preferences', '/espace/donnees',
  // Issues #7 and #8: messages, agenda, prevention, services, aidants, contact details, closure.
  '/espace/messagerie', '/espace/agenda', '/espace/prevention', '/espace/services', '/espace/aidants', '/espace/personnes-aidees',
  '/espace/invitations', '/espace/coordonnees', '/espace/fermeture',
];
/** Every route handler of the record: downloads and uploads, each asked with the owner's ids. */
const ROUTES = [
  { method: 'GET', url: '/espace/documents/{doc}/contenu' },
  { method: 'GET', url: '/espace/documents/{doc}/contenu?telecharger=1' },
  { method: 'GET', url: '/espace/historique/export.csv?profil={profile}' },
  { method: 'GET', url: '/espace/historique/export.pdf?profil={profile}' },
  { method: 'POST', url: '/espace/documents/ajouter/envoi' },
  { method: 'POST', url: '/espace/profil-medical/directives-anticipees/envoi' },
] as const;

const fill = (url: string, ids: { doc: string; profile: string }) => url.replace('{doc}', ids.doc).replace('{profile}', ids.profile);

/** A route answers without the record: refused or not found, never the file, and nothing is stored. */
async function expectRoutesRefused(page: Page, ids: { doc: string; profile: string }) {
  for (const route of ROUTES) {
    const url = fill(route.url, ids);
    const response = route.method === 'GET'
      ? await page.request.get(url, { maxRedirects: 0 })
      : await page.request.post(url, { maxRedirects: 0, multipart: {
        profil: ids.profile, titre: 'Intrus', categorie: 'BIOLOGIE', confirmer: 'oui',
        fichier: { name: 'intrus.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') } } });
    expect([303, 307, 401, 403, 404], `${route.method} ${url} → ${response.status()}`).toContain(response.status());
    expect(await response.text()).not.toContain(SECRET_TEXT);
  }
}

test('FS-4, BO, IDOR: advisors, agents and other patients reach no page nor route of a record; every attempt on it is traced', async ({ page, browser, db }) => {
  // The owner files a document through the site.
  const owner = await anActivePatient(db);
  await passwordThenOtp(page, '/connexion', owner);
  await expect(page).toHaveURL(/\/espace$/);
  await page.goto('/espace/documents/ajouter');
  await page.getByLabel(/Fichier ou photos/).setInputFiles({ name: 'serologie.txt', mimeType: 'text/plain', buffer: Buffer.from(SECRET_TEXT) });
  await page.getByLabel(/^Titre/).fill('Sérologie');
  await page.getByLabel(/^Catégorie/).selectOption({ label: 'Résultats de biologie' });
  await page.getByRole('button', { name: 'Ajouter le document' }).click();
  await expect(page.getByText('Document ajouté')).toBeVisible();
  const doc = await db.selectFrom('documents').select('id').where('profile_id', '=', owner.profileId).executeTakeFirstOrThrow();
  const ids = { doc: doc.id, profile: owner.profileId };
  const deniedBefore = await db.selectFrom('access_events').select('id').where('profile_id', '=', owner.profileId).where('outcome', '=', 'DENIED').execute();

  // FS-4 and BO: an advisor and a CNAM agent are turned away from every page and every route.
  for (const [who, login] of [[DEMO_ADVISOR, '/accompagnement/connexion'], [DEMO_AGENT, '/admin/connexion']] as const) {
    const context = await browser.newContext();
    const intruder = await context.newPage();
    await passwordThenOtp(intruder, login, who);
    await expect(intruder).toHaveURL(/\/(accompagnement|admin)$/);
    await intruder.goto(fill(PAGES[1]!, ids));
    await expect(intruder).toHaveURL(/\/acces-refuse/);
    for (const url of PAGES) { // the server's answer itself, without a browser render per page
      const response = await intruder.request.get(fill(url, ids), { maxRedirects: 0 });
      expect(response.status(), url).toBe(307);
      expect(response.headers().location, url).toMatch(/\/acces-refuse\?espace=patient$/);
      expect(await response.text()).not.toContain(SECRET_TEXT);
    }
    await expectRoutesRefused(intruder, ids);
    await context.close();
  }

  // IDOR: another patient guessing the owner's ids gets "not found", page after page.
  const other = await anActivePatient(db);
  const context = await browser.newContext();
  const stranger = await context.newPage();
  await passwordThenOtp(stranger, '/connexion', other);
  await expect(stranger).toHaveURL(/\/espace$/);
  for (const url of ['/espace/documents/{doc}', '/espace/documents?profil={profile}', '/espace/mesures/poids?profil={profile}',
    '/espace/histoire-de-sante?profil={profile}', '/espace/historique?profil={profile}', '/espace/profil-medical?profil={profile}']) {
    const response = await stranger.goto(fill(url, ids));
    expect(response?.status(), url).toBe(404);
    await expect(stranger.getByRole('heading', { level: 1 })).toContainText(/introuvable/i);
  }
  await expectRoutesRefused(stranger, ids);
  await context.close();

  // AUD-6: the refused attempts on that document and profile are in its history, from both kinds of intruder.
  const denied = await db.selectFrom('access_events').select(['actor_type', 'action']).where('profile_id', '=', owner.profileId)
    .where('outcome', '=', 'DENIED').execute();
  expect(denied.length).toBeGreaterThan(deniedBefore.length);
  expect(new Set(denied.map((d) => d.actor_type))).toEqual(new Set(['SUPPORT', 'PATIENT']));
  expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['document.read']));
  // Nothing was filed by anyone but the owner.
  expect(await db.selectFrom('documents').select('title').where('profile_id', '=', owner.profileId).execute()).toEqual([{ title: 'Sérologie' }]);
});
