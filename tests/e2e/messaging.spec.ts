import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './support/fixtures';
import { anActivatedAdult, type ActivatedAdult } from './support/families';
import { passwordThenOtp, signInWithProSanteConnect } from './support/flows';
import { mailsTo } from './support/mail';
import { typed } from './support/people';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const BIRTH_NAME = 'MSGTEST';

/** ID-6..8, PRO-3 then PRO-5: the doctor finds the patient by INS and records her consent. */
async function findAndConsent(page: Page, p: ActivatedAdult, first: string) {
  await page.goto('/pro/patients/recherche');
  await page.getByLabel('Matricule INS').fill(p.nir);
  await page.getByLabel('Nom de naissance').fill(BIRTH_NAME);
  await page.getByLabel('Prénoms de naissance').fill(first);
  await page.getByLabel('Date de naissance').fill(typed(p.birthDate));
  await page.getByLabel('Féminin').check();
  await page.getByLabel('Lieu de naissance (code INSEE)').fill('75056');
  await page.getByRole('button', { name: 'Vérifier l’accès' }).click();
  await expect(page.getByRole('heading', { name: 'Résultat de la vérification' })).toBeVisible();
  await page.getByLabel('Le patient m’a autorisé à accéder à son profil').check();
  await page.getByRole('button', { name: 'Enregistrer l’autorisation' }).click();
  await expect(page.getByText('Votre accès est enregistré.')).toBeVisible();
}

test('MSG-2/4/5/7/8/10, NOT-7: a doctor writes with an attachment, the patient is emailed without content, replies and saves the file; the doctor closes with an empty [FIN]', async ({ browser, db }) => {
  const first = 'Inès';
  const patient = await anActivatedAdult(db, { firstNames: first, birthName: BIRTH_NAME, sex: 2 });
  const subject = `Résultats de votre bilan ${Date.now()}`;
  const body = 'Bonjour, vos résultats sont normaux. Je joins l’ordonnance de contrôle.';

  // MSG-2: the doctor starts the conversation, with an attachment.
  const doctor = await (await browser.newContext()).newPage();
  await signInWithProSanteConnect(doctor, '10100000001');
  await findAndConsent(doctor, patient, first);
  await doctor.goto(`/pro/patients/${patient.profileId}/messages`);
  await expect(doctor.getByRole('heading', { name: 'Messagerie avec le patient' })).toBeVisible();
  await expectAccessible(doctor);
  const newMessage = doctor.getByRole('region', { name: 'Nouveau message' });
  await newMessage.getByLabel('Objet').fill(subject);
  await newMessage.getByLabel('Message', { exact: true }).fill(body);
  await newMessage.getByLabel(/^Pièces jointes/).setInputFiles({ name: 'ordonnance-controle.pdf', mimeType: 'application/pdf', buffer: PDF });
  const since = Date.now();
  await newMessage.getByRole('button', { name: 'Envoyer' }).click();
  await expect(doctor.getByText('Message envoyé au patient.')).toBeVisible();
  await expectAccessible(doctor);

  // NOT-7, MSG-12: the email says a message arrived, with neither its subject nor its content.
  await expect.poll(() => mailsTo(patient.email).filter((m) => m.receivedAt >= since && /nouveau message/i.test(m.text)).length, { timeout: 15_000 })
    .toBeGreaterThan(0);
  const mail = mailsTo(patient.email).filter((m) => m.receivedAt >= since && /nouveau message/i.test(m.text)).at(-1)!;
  for (const leak of [subject, 'résultats sont normaux', 'ordonnance-controle']) {
    expect(mail.subject).not.toContain(leak);
    expect(mail.text).not.toContain(leak);
  }

  // MSG-4: the patient opens the conversation and replies.
  const me = await (await browser.newContext()).newPage();
  await passwordThenOtp(me, '/connexion', patient);
  await expect(me).toHaveURL(/\/espace/);
  await me.goto('/espace/messagerie');
  await expect(me.getByRole('heading', { level: 1, name: 'Messagerie' })).toBeVisible();
  await expectAccessible(me);
  await me.getByRole('link', { name: subject }).click();
  await expect(me.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(me.getByText(body)).toBeVisible();
  await expectAccessible(me);
  await me.getByLabel('Votre réponse').fill('Merci docteur, je prendrai rendez-vous.');
  await me.getByRole('button', { name: 'Envoyer' }).click();
  await expect(me.getByText('Message envoyé')).toBeVisible();
  await expect(me.getByText('Merci docteur, je prendrai rendez-vous.')).toBeVisible();

  // MSG-10: the attachment saved to Documents, where the patient finds it.
  await me.getByRole('button', { name: 'Enregistrer dans mes documents : ordonnance-controle.pdf' }).click();
  await expect(me.getByText('Pièce jointe enregistrée dans vos documents')).toBeVisible();
  await expectAccessible(me);
  await me.goto('/espace/documents');
  await expect(me.getByRole('link', { name: 'ordonnance-controle' })).toBeVisible();
  await expectAccessible(me);

  // The doctor is told of the reply in their « Messagerie sécurisée », and reads it in the conversation.
  await doctor.goto('/pro/messages');
  await expect(doctor.getByRole('link', { name: new RegExp(`Réponse de .* : ${subject}`) })).toBeVisible();
  await expectAccessible(doctor);
  await doctor.goto(`/pro/patients/${patient.profileId}/messages`);
  const thread = doctor.getByRole('article').filter({ hasText: subject });
  await expect(thread.getByText('Merci docteur, je prendrai rendez-vous.')).toBeVisible();
  // MSG-10: the doctor downloads the conversation's attachment.
  const download = doctor.waitForEvent('download');
  await thread.getByRole('link', { name: 'Télécharger ordonnance-controle.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('ordonnance-controle.pdf');

  // MSG-7, MSG-8: an empty [FIN] — the warning first, then the conversation closes and nothing is delivered.
  await thread.getByText('Répondre dans cette conversation').click();
  await thread.getByLabel('Objet').fill(`[FIN] ${subject}`);
  await expect(thread.getByText('Ce message ne sera pas transmis au patient : il clôt la conversation.')).toBeVisible();
  await expectAccessible(doctor);
  await thread.getByRole('button', { name: 'Envoyer' }).click();
  await expect(doctor.getByText('La conversation est close. Aucun message n’a été transmis au patient.')).toBeVisible();
  await expect(doctor.getByRole('heading', { name: `${subject} — close` })).toBeVisible();

  // MSG-5: the patient sees the end of the exchanges and can no longer reply.
  await me.goto('/espace/messagerie');
  await me.getByRole('link', { name: subject }).click();
  await expect(me.getByText(/a mis fin à vos échanges\./)).toBeVisible();
  await expect(me.getByLabel('Votre réponse')).toHaveCount(0);
  await expect(me.getByText('[FIN]')).toHaveCount(0); // MSG-7: the closing message itself was not delivered
  await expectAccessible(me);
});

test('MSG-3(b), MSG-4, MSG-10: the patient writes to a pharmacy they visited, with the prescription; the pharmacist sees it and replies', async ({ browser, db }) => {
  const patient = await anActivatedAdult(db, { firstNames: 'Rose', birthName: BIRTH_NAME, sex: 2 });
  // Setup, as the fund's reimbursement feed brings it: a reimbursed dispensation a month ago at the demo « Pharmacie du Marché ».
  await db.insertInto('care_episodes').values({ profile_id: patient.profileId, claim_line_id: `e2e-pharma-${Date.now()}`, category: 'MEDICINE',
    care_date: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10), label: 'Amoxicilline 1 g', prescriber_specialty: null,
    dispenser_finess: '750000011', import_id: null }).execute();
  const subject = `Ordonnance à préparer ${Date.now()}`;

  const me = await (await browser.newContext()).newPage();
  await passwordThenOtp(me, '/connexion', patient);
  await expect(me).toHaveURL(/\/espace/);
  await me.goto('/espace/messagerie');
  await me.getByRole('link', { name: 'Nouveau message' }).click();
  await expect(me.getByRole('heading', { level: 1, name: 'Nouveau message' })).toBeVisible();
  const pharmacies = me.getByRole('region', { name: 'Pharmacies déjà fréquentées' });
  await expect(pharmacies.getByLabel('Pharmacie du Marché (Paris 11e)')).toBeChecked();
  await expectAccessible(me);

  // MSG-3(b): without the prescription, refused — the error is on the attachment field.
  await pharmacies.getByLabel('Objet').fill(subject);
  await pharmacies.getByLabel('Message', { exact: true }).fill('Bonjour, pouvez-vous préparer mon traitement ?');
  await pharmacies.getByRole('button', { name: 'Envoyer à la pharmacie' }).click();
  const files = me.getByLabel(/^Ordonnance et autres pièces jointes/);
  await expect(files).toHaveAttribute('aria-invalid', 'true');
  await expect(files).toHaveAccessibleDescription(/Joignez au moins un document \(votre ordonnance, par exemple\)/);
  await expectAccessible(me);

  await pharmacies.getByLabel('Objet').fill(subject);
  await pharmacies.getByLabel('Message', { exact: true }).fill('Bonjour, pouvez-vous préparer mon traitement ?');
  await files.setInputFiles({ name: 'ordonnance.pdf', mimeType: 'application/pdf', buffer: PDF });
  await me.getByRole('button', { name: 'Envoyer à la pharmacie' }).click();
  await expect(me.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  await expect(me.getByText('Avec Pharmacie du Marché (Paris 11e)')).toBeVisible();
  await expectAccessible(me);

  // The pharmacist acting at that FINESS (Pro Santé Connect activity) reads it and downloads the prescription.
  const pharmacist = await (await browser.newContext()).newPage();
  await signInWithProSanteConnect(pharmacist, '10100000011');
  await pharmacist.goto('/pro/messages');
  await pharmacist.getByRole('link', { name: /Messagerie de votre pharmacie/ }).click();
  await expect(pharmacist.getByRole('heading', { level: 1, name: 'Messagerie de la Pharmacie du Marché' })).toBeVisible();
  await expectAccessible(pharmacist);
  await pharmacist.getByRole('link', { name: subject }).click();
  await expect(pharmacist.getByText('Bonjour, pouvez-vous préparer mon traitement ?')).toBeVisible();
  await expectAccessible(pharmacist);
  const download = pharmacist.waitForEvent('download');
  await pharmacist.getByRole('link', { name: 'Télécharger ordonnance.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('ordonnance.pdf');
  const reply = pharmacist.getByRole('region', { name: 'Répondre au patient' });
  await reply.getByLabel('Message', { exact: true }).fill('Votre traitement est prêt, à retirer dès 14 h.');
  await reply.getByRole('button', { name: 'Envoyer' }).click();
  await expect(pharmacist.getByText('Message envoyé au patient.')).toBeVisible();

  // The reads are traced on the patient, as the pharmacy naming its pharmacist (PRO-2).
  const traced = await db.selectFrom('access_events').select('action').where('profile_id', '=', patient.profileId)
    .where('actor_id', '=', 'FINESS 750000011').execute();
  expect(traced.map((t) => t.action)).toEqual(expect.arrayContaining(['message.read', 'message.attachment.read', 'message.send']));

  // MSG-4: the patient reads the pharmacy's answer and may reply.
  await me.goto('/espace/messagerie');
  const line = me.getByRole('listitem').filter({ hasText: subject });
  await expect(line).toContainText('Pharmacie du Marché (Paris 11e)');
  await expect(line).toContainText('1 non lu');
  await me.getByRole('link', { name: subject }).click();
  await expect(me.getByText('Votre traitement est prêt, à retirer dès 14 h.')).toBeVisible();
  await expect(me.getByLabel('Votre réponse')).toBeVisible();
  await expectAccessible(me);
});

test('MSG-2, MSG-4: a message from « Assurance Maladie » shows its sender and cannot be answered', async ({ browser, db }) => {
  const { sql } = await import('kysely');
  const { insurerMessagesCte } = await import('@/lib/messaging/insurer-messages');
  const patient = await anActivatedAdult(db, { firstNames: 'Alice', birthName: BIRTH_NAME, sex: 2 });
  const subject = `Dépistage ${Date.now()}`;
  await sql`with recipients as (select ${patient.profileId}::uuid as profile_id),
    ${insurerMessagesCte('recipients', { subject, body: 'Le test de dépistage est pris en charge.', now: new Date() })}
    select 1`.execute(db); // setup: what a prevention campaign batch inserts

  const me = await (await browser.newContext()).newPage();
  await passwordThenOtp(me, '/connexion', patient);
  await expect(me).toHaveURL(/\/espace/);
  await me.goto('/espace/messagerie');
  const line = me.getByRole('listitem').filter({ hasText: subject });
  await expect(line).toContainText('Assurance Maladie');
  await expect(line).toContainText('1 non lu');
  await me.getByRole('link', { name: subject }).click();
  await expect(me.getByText('Avec Assurance Maladie')).toBeVisible();
  await expect(me.getByText(/Vous ne pouvez pas répondre à ce message/)).toBeVisible();
  await expect(me.getByLabel('Votre réponse')).toHaveCount(0);
  await expectAccessible(me);
});
