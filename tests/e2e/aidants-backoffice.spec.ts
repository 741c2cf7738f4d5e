import { aStaffMember } from '../factories';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult } from './support/families';
import { passwordThenOtp } from './support/flows';

/**
 * AID-1..6, BO (issue #8): a 3422 agent opens Odile's file, then her « Aidants » page: Bruno is her aidant (access
 * open) and Bruno has invited her to help him (pending). On Odile's phone request the agent ends Bruno's access,
 * after confirming; the page then shows the link ended by an agent at the aidé's request.
 */
test('AID-1..6, BO: an agent sees a beneficiary’s aidant links both ways and ends one on request', async ({ page, db }) => {
  const odile = await anActivatedAdult(db, { firstNames: 'Odile', birthName: 'FERRAND', sex: 2 });
  const bruno = await anActivatedAdult(db, { firstNames: 'Bruno', birthName: 'LEGRAND', sex: 1 });
  // The links as the patient pages leave them (invitation, acceptance: covered by aidants.spec.ts), written directly.
  const accountOf = async (profileId: string) =>
    (await db.selectFrom('accounts').select('id').where('profile_id', '=', profileId).executeTakeFirstOrThrow()).id;
  const [odileAccount, brunoAccount] = [await accountOf(odile.profileId), await accountOf(bruno.profileId)];
  const now = new Date();
  const link = (aided: string, inviter: string, aidant: string, accepted: boolean) => ({
    aided_profile_id: aided, aidant_account_id: aidant, invited_by_account_id: inviter, status: accepted ? 'ACCEPTED' as const : 'PENDING' as const,
    invited_at: now, expires_at: new Date(now.getTime() + 30 * 86_400_000), responded_at: accepted ? now : null, revoked_at: null, revoked_by: null,
    justificatif_document_id: null,
  });
  const { id: linkId } = await db.insertInto('aidant_links').values(link(odile.profileId, odileAccount, brunoAccount, true)).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('aidant_links').values(link(bruno.profileId, brunoAccount, odileAccount, false)).execute();

  await passwordThenOtp(page, '/admin/connexion', await aStaffMember(db));
  await expect(page).toHaveURL(/\/admin$/);
  await page.goto(`/admin/beneficiaires/${odile.profileId}`);
  await page.getByRole('link', { name: 'Aidants', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Aidants' })).toBeVisible();

  // Both directions, each in its captioned table: the other person, the status and whether the access is open now.
  const aidants = page.getByRole('table', { name: 'Aidants de Odile FERRAND et invitations envoyées' });
  const brunoRow = aidants.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Bruno LEGRAND/ }) });
  await expect(brunoRow).toContainText('Acceptée');
  await expect(brunoRow).toContainText('Accès ouvert');
  const helped = page.getByRole('table', { name: 'Personnes aidées par Odile FERRAND et invitations reçues' });
  await expect(helped.getByRole('row').filter({ hasText: 'Bruno LEGRAND' })).toContainText('Invitation en attente');
  await expectAccessible(page);
  const trace = await db.selectFrom('access_events').select(['actor_type', 'outcome', 'channel'])
    .where('profile_id', '=', odile.profileId).where('action', '=', 'profile.aidants.admin-read').executeTakeFirst();
  expect(trace).toEqual({ actor_type: 'SUPPORT', outcome: 'OK', channel: 'BACKOFFICE' });

  // AID-6: ending the access needs the confirmation that the holder asked for it.
  const end = page.getByRole('region', { name: 'Mettre fin à l’accès de l’aidant Bruno LEGRAND' });
  await end.getByRole('button', { name: 'Mettre fin au lien' }).click();
  await expect(page.locator(`#confirmed-fin-${linkId}-error`)).toContainText('Cochez la case pour confirmer');
  await expectAccessible(page);
  await end.getByRole('checkbox', { name: /La personne aidée en a fait la demande par téléphone/ }).check();
  await end.getByRole('button', { name: 'Mettre fin au lien' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lien terminé' })).toBeVisible();
  await expect(brunoRow).toContainText('Terminée');
  await expect(brunoRow).toContainText('par un agent, à la demande de la personne aidée');
  await expect(page.getByRole('region', { name: 'Mettre fin à l’accès de l’aidant Bruno LEGRAND' })).toHaveCount(0);
  await expectAccessible(page);
  expect((await db.selectFrom('aidant_links').select(['status', 'revoked_by']).where('id', '=', linkId).executeTakeFirstOrThrow()))
    .toEqual({ status: 'REVOKED', revoked_by: 'AIDE' });
});
