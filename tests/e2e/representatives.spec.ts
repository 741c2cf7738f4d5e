import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { aChildWaitingFor, anActivatedAdult, anAseMinor } from './support/families';
import { passwordThenOtp } from './support/flows';
import { waitForMail } from './support/mail';
import { typed } from './support/people';

/**
 * REP-2, REP-3, REP-5, BO-5 (issue scenario): a parent activates a child and invites the second parent,
 * who accepts; the agent then sees both representatives and withdraws one on a court decision (REP-6).
 */
test('REP-2, REP-3, REP-5, REP-6, BO-5: a parent activates a child and invites the second parent, who accepts', async ({ page, db, browser }) => {
  const parent = await anActivatedAdult(db, { firstNames: 'Nadia', birthName: 'BENALI', sex: 2 });
  const second = await anActivatedAdult(db, { firstNames: 'Karim', birthName: 'BENALI', sex: 1 });
  const child = await aChildWaitingFor(db, parent.nir, { firstNames: 'Lina', birthName: 'BENALI', birthDate: '2016-04-10' });

  // 1. REP-2: the parent principal activates Lina's profile from their own space.
  await passwordThenOtp(page, '/connexion', parent);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Nadia' })).toBeVisible();
  await page.getByRole('link', { name: 'Activer le profil d’un enfant' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Activer le profil d’un enfant' })).toBeVisible();
  await expectAccessible(page);
  const code = page.getByRole('textbox', { name: 'Code provisoire de Lina' });
  await code.fill(child.code === 'ABCD2345' ? 'ABCD2346' : 'ABCD2345');
  await page.getByLabel('Je certifie être le représentant légal de Lina').check();
  await page.getByRole('button', { name: 'Activer le profil de Lina' }).click();
  await expect(page.locator(`#code-${child.profileId}-error`)).toContainText('Ce code provisoire ne correspond pas au profil de cet enfant');
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAttribute('aria-describedby', `code-${child.profileId}-hint code-${child.profileId}-error`);
  await expect(page.getByRole('link', { name: /Code provisoire de Lina : Ce code provisoire ne correspond pas/ })).toBeVisible();
  await expectAccessible(page);
  await code.fill(child.code.toLowerCase());
  await expect(page.getByLabel('Je certifie être le représentant légal de Lina')).toBeChecked();
  await page.getByRole('button', { name: 'Activer le profil de Lina' }).click();
  await expect(page).toHaveURL(/\/espace\?profil-active=/);
  await expect(page.getByText('Le profil de Lina est activé')).toBeVisible();
  await expectAccessible(page);

  // 2. REP-3: "Partager le profil" with the second parent, identified by NIR and date of birth.
  await page.getByRole('link', { name: 'Gérer le profil de Lina' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gérer le profil de Lina' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Nadia BENALI (vous)' })).toContainText('Parent principal');
  await expectAccessible(page);
  await page.getByLabel('Numéro de sécurité sociale de la personne invitée').fill(second.nir);
  await page.getByLabel('Date de naissance de la personne invitée').fill(typed(second.birthDate));
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.locator('#certified-error')).toContainText('Cochez la case pour certifier que cette personne est représentant légal');
  await expectAccessible(page);
  await page.getByLabel('Je certifie que cette personne est représentant légal de Lina').check();
  const invitedAt = Date.now();
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await expect(page.getByText('Invitation envoyée')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Karim BENALI' })).toContainText('En attente');
  // REP-5: the pending invitation takes the second seat.
  await expect(page.getByText('Aucune autre invitation possible')).toBeVisible();
  await expectAccessible(page);
  await waitForMail(second.email, /Invitation à gérer le profil Mon espace santé de Lina/, invitedAt);

  // 3. The second parent logs in, opens the invitation and accepts it.
  await page.context().clearCookies();
  const answeredAt = Date.now();
  await passwordThenOtp(page, '/connexion', second);
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Karim' })).toBeVisible();
  await page.getByRole('link', { name: 'Invitations reçues' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations reçues' })).toBeVisible();
  await expectAccessible(page);
  const invitation = page.getByRole('form', { name: 'Nadia BENALI vous invite à gérer le profil de Lina' });
  await invitation.getByRole('button', { name: 'Accepter' }).click();
  await expect(page.getByText('Vous gérez maintenant le profil de Lina')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Nadia BENALI' })).toContainText('Acceptée');
  await expectAccessible(page);
  await waitForMail(parent.email, /Réponse à votre invitation/, answeredAt);

  // 4. Lina now appears in the second parent's dashboard, with both representatives.
  await page.getByRole('link', { name: 'Retrouver le profil de Lina sur l’accueil' }).click();
  await page.getByRole('link', { name: 'Gérer le profil de Lina' }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Karim BENALI (vous)' })).toContainText('Second parent');
  await expect(page.getByRole('listitem').filter({ hasText: 'Nadia BENALI' }).first()).toContainText('Parent principal');
  await expect(page.getByRole('row').filter({ hasText: 'Karim BENALI' })).toContainText('Acceptée');
  await expectAccessible(page);

  // 5. BO-5: an agent, in their own browser, sees the two representatives; REP-6: withdrawal needs the confirmation.
  const agent = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await passwordThenOtp(agent, '/admin/connexion', await aStaffMember(db));
  await expect(agent).toHaveURL(/\/admin$/);
  await agent.goto(`/admin/beneficiaires/${child.profileId}`);
  const section = agent.getByRole('region', { name: 'Représentants légaux' });
  await expect(section.getByRole('listitem').filter({ hasText: 'Nadia BENALI' })).toContainText('Parent principal');
  await expect(section.getByRole('listitem').filter({ hasText: 'Karim BENALI' })).toContainText('Second parent');
  await expectAccessible(agent);
  const withdrawal = agent.getByRole('form', { name: 'Retrait de l’accès de Karim BENALI' });
  await withdrawal.getByRole('button', { name: 'Retirer l’accès (décision de justice)' }).click();
  await expect(withdrawal.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
  await expect(withdrawal.getByRole('link', { name: /Confirmation : Cochez la case pour confirmer/ })).toBeVisible();
  await expectAccessible(agent);
  await withdrawal.getByLabel(/J’ai vérifié la décision de justice/).check();
  await withdrawal.getByRole('button', { name: 'Retirer l’accès (décision de justice)' }).click();
  await expect(agent.getByText('Accès retiré')).toBeVisible();
  await expect(section.getByRole('listitem').filter({ hasText: 'Karim BENALI' })).toContainText('Décision de justice');
  await expect(agent.getByRole('form', { name: 'Retrait de l’accès de Karim BENALI' })).toHaveCount(0);
  await expectAccessible(agent);
  await agent.context().close();

  // 6. REP-6 at once: the withdrawn parent, still signed in, no longer reaches Lina's profile; the refusal says why.
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'Vous n’avez pas accès à ce profil' }))
    .toContainText('Accès refusé : vous n’êtes ni titulaire ni représentant légal de ce profil.');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Revenir à l’accueil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bonjour Karim' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Gérer le profil de Lina' })).toHaveCount(0);
});

test('REP-7, BO-5: an agent creates the profile of a minor entrusted to the ASE, with no representative', async ({ page, db }) => {
  const minor = await anAseMinor(db);
  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await expect(page).toHaveURL(/\/admin$/);
  await page.getByRole('link', { name: 'Créer le profil d’un mineur confié à l’ASE' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Créer le profil d’un mineur confié à l’ASE' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await expect(page.locator('#nir-error')).toContainText('Saisissez le NIR du mineur.');
  await expectAccessible(page);
  await page.getByLabel('NIR du mineur').fill(minor.nir);
  await page.getByRole('button', { name: 'Créer le profil' }).click();
  await expect(page.getByText('Profil créé sans représentant légal')).toBeVisible();
  await expect(page.getByText('créé, non activé', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Représentants légaux' })).toContainText('Aucun représentant légal n’a accès à ce profil.');
  await expectAccessible(page);
});
