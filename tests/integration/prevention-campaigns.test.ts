import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { PatientActor } from '@/lib/access/actor';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { nirKey } from '@/lib/identity/nir';
import { applyPreventionCommand, createPreventionCampaign, previewPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import { latestUnreadPreventionMessage, markPreventionMessagesRead, preventionSection } from '@/lib/prevention-campaigns/messages';
import { setPreventionOptOut } from '@/lib/prevention-campaigns/opt-out';
import type { CampaignRules } from '@/lib/prevention-campaigns/rules';
import { runPreventionCampaign } from '@/lib/prevention-campaigns/run-campaign';
import { processCampaignJob } from '@/jobs/campaigns';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { sinkPushProvider } from '@/lib/notifications/channels/sink';
import { aStaffMember } from '../factories';

const db = getDb();
/** No SMTP: the teasers land in the demo mailbox (keyed by their prevention_emails id). */
const demoSender = createBulkSender({ smtpUrl: undefined, size: 2, db });
afterAll(() => closeDb());

const now = new Date('2026-11-30T09:00:00Z');
const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
const NO_RULES: CampaignRules = { minAge: null, maxAge: null, sex: null, departements: [], history: null };

let counter = randomInt(0, 400_000);
/** A profile (ACTIVE unless told) with its insured-population row and a holder account. */
async function aProfile(opts: { departement: string; birthDate?: string; sex?: 1 | 2; state?: ProfileState; account?: boolean }) {
  const birthDate = opts.birthDate ?? '1976-05-10';
  const sex = opts.sex ?? 2;
  const n = counter++;
  const body = `${sex}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}98${String(n).padStart(6, '0')}`;
  const nir = body + nirKey(body);
  await db.insertInto('insured_people').values({ nir, vitale_serial: '12345678901', birth_name: 'PREVENTION', first_names: `Dominique${n}`, birth_date: birthDate,
    sex, birth_place: '75056', departement: opts.departement, email: null, mobile: null, postal_address: null, parent_nir: null, ase: false,
    has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const profile = await db.insertInto('profiles').values({ nir, vitale_serial: '12345678901', birth_name: 'PREVENTION', first_names: `Dominique${n} Marie`,
    birth_date: birthDate, sex, birth_place: '75056', email: null, kind: 'ADULT', state: opts.state ?? 'ACTIVE', previous_state: null,
    state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  let accountId: string | null = null;
  if (opts.account !== false) {
    accountId = (await db.insertInto('accounts').values({ profile_id: profile.id, identifiant: `prv.${n}`, password_hash: 'x', email: `prv.${n}@exemple.test`,
      email_verified_at: now, locked_until: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow()).id;
  }
  const actor: PatientActor = { kind: 'PATIENT', accountId: accountId ?? '', name: 'Dominique PREVENTION', ownProfileId: profile.id, representedProfileIds: [] };
  return { id: profile.id, email: `prv.${n}@exemple.test`, actor };
}

async function aCampaign(rules: CampaignRules, name = 'Dépistage du cancer du sein') {
  const agent = await aStaffMember(db);
  const { campaignId } = await createPreventionCampaign(db, agent, {
    name, title: 'Le dépistage du cancer du sein vous concerne', body: 'Tous les deux ans, une mammographie prise en charge à 100 %.',
    teaser: 'Un nouveau message de prévention vous attend dans Mon espace santé.', rules }, now);
  return { agent, campaignId };
}

const messagesOf = (campaignId: string) => db.selectFrom('prevention_messages').select(['profile_id', 'criteria'])
  .where('campaign_id', '=', campaignId).execute();
/** PRV-9: the email teasers as received (the demo mailbox stands for the SMTP server). */
const teaserEmails = (campaignId: string) => db.selectFrom('demo_mailbox as m').innerJoin('prevention_emails as e', 'e.id', 'm.campaign_recipient_id')
  .select('m.to_address as to').where('e.campaign_id', '=', campaignId).execute();
const run = (campaignId: string, extra: Partial<Parameters<typeof runPreventionCampaign>[2]> = {}) =>
  runPreventionCampaign(db, campaignId, { now: () => now, appUrl: 'http://mes.test', sender: demoSender, push: sinkPushProvider, ...extra });

describe('PRV-6, PRV-9: targeting in SQL', () => {
  test('PRV-6: age, sex, département and reimbursement history select exactly the matching ACTIVE profiles; preview = delivered', async () => {
    const dep = '05';
    const woman50 = await aProfile({ departement: dep, birthDate: '1976-11-30', sex: 2 }); // 50 today (Paris day 2026-11-30)
    const woman49 = await aProfile({ departement: dep, birthDate: '1976-12-01', sex: 2 }); // 49 until tomorrow
    const woman74 = await aProfile({ departement: dep, birthDate: '1952-06-01', sex: 2 });
    const woman75 = await aProfile({ departement: dep, birthDate: '1951-06-01', sex: 2 });
    const man60 = await aProfile({ departement: dep, birthDate: '1966-06-01', sex: 1 });
    const elsewhere = await aProfile({ departement: '09', birthDate: '1966-06-01', sex: 2 });
    const created = await aProfile({ departement: dep, birthDate: '1966-06-01', sex: 2, state: 'CREATED', account: false }); // NOT-5
    const rules: CampaignRules = { ...NO_RULES, minAge: 50, maxAge: 74, sex: 2, departements: [dep] };
    const { agent, campaignId } = await aCampaign(rules);
    const preview = await previewPreventionCampaign(db, agent, rules, now);
    expect(preview).toBe(2);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    expect(await run(campaignId)).toBe('done');
    const reached = (await messagesOf(campaignId)).map((m) => m.profile_id).sort();
    expect(reached).toEqual([woman50.id, woman74.id].sort());
    for (const p of [woman49, woman75, man60, elsewhere, created]) expect(reached).not.toContain(p.id);
    const c = await db.selectFrom('prevention_campaigns').selectAll().where('id', '=', campaignId).executeTakeFirstOrThrow();
    expect(c).toMatchObject({ status: 'DONE', targeted: preview, delivered: preview, emails: 2 });
    // PRV-9: the email teaser goes to the holders' accounts, through the outbox; the CREATED profile gets nothing.
    expect((await teaserEmails(campaignId)).map((e) => e.to).sort()).toEqual([woman50.email, woman74.email].sort());
    // PRV-7: « Pourquoi ce message ? » from the matched facts.
    const card = await latestUnreadPreventionMessage(db, woman50.actor, woman50.id);
    expect(card?.why).toEqual(['Vous avez 50 ans.', 'Vous êtes une femme.', 'Vous habitez les Hautes-Alpes.']);
    // PRV-9: opening the « Prévention » section marks the message read: the home card then shows nothing.
    await markPreventionMessagesRead(db, woman50.actor, woman50.id, now);
    expect(await latestUnreadPreventionMessage(db, woman50.actor, woman50.id)).toBeNull();
    expect((await preventionSection(db, woman50.actor, woman50.id)).messages).toHaveLength(1);
    // Another account does not read them.
    await expect(latestUnreadPreventionMessage(db, woman74.actor, woman50.id)).rejects.toThrow(AccessDeniedError);
  });

  test('PRV-6: reimbursement history present or absent over the last N months (care episodes only)', async () => {
    const dep = '32';
    const withDental = await aProfile({ departement: dep });
    const oldDental = await aProfile({ departement: dep });
    const none = await aProfile({ departement: dep });
    const episode = (profileId: string, date: string) => db.insertInto('care_episodes').values({ profile_id: profileId, claim_line_id: `prv-${counter++}`,
      care_date: date, category: 'MEDICAL_DENTAL_CARE', label: 'Détartrage', prescriber_specialty: null, import_id: null }).execute();
    await episode(withDental.id, '2026-06-01');
    await episode(oldDental.id, '2025-06-01'); // 18 months ago
    const absent: CampaignRules = { ...NO_RULES, departements: [dep], history: { category: 'MEDICAL_DENTAL_CARE', present: false, months: 12 } };
    const { agent, campaignId } = await aCampaign(absent, 'M’T dents adultes');
    expect(await previewPreventionCampaign(db, agent, absent, now)).toBe(2);
    expect(await previewPreventionCampaign(db, agent, { ...absent, history: { category: 'MEDICAL_DENTAL_CARE', present: true, months: 12 } }, now)).toBe(1);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    await run(campaignId);
    expect((await messagesOf(campaignId)).map((m) => m.profile_id).sort()).toEqual([oldDental.id, none.id].sort());
    const card = await latestUnreadPreventionMessage(db, none.actor, none.id);
    expect(card?.why).toContain('Aucun remboursement de type « soin dentaire » ne figure dans vos 12 derniers mois.');
  });
});

describe('PRV-8, PRV-9: opt-out and frequency cap', () => {
  test('PRV-9: a profile messaged 3 days ago is skipped, one messaged 8 days ago is not', async () => {
    const dep = '46';
    const recent = await aProfile({ departement: dep });
    const older = await aProfile({ departement: dep });
    const { agent: a0, campaignId: earlier } = await aCampaign(NO_RULES, 'Campagne précédente');
    await db.insertInto('prevention_messages').values([
      { campaign_id: earlier, profile_id: recent.id, created_at: days(3), criteria: '{}' },
      { campaign_id: earlier, profile_id: older.id, created_at: days(8), criteria: '{}' },
    ]).execute();
    const rules: CampaignRules = { ...NO_RULES, departements: [dep] };
    expect(await previewPreventionCampaign(db, a0, rules, now)).toBe(1);
    const { agent, campaignId } = await aCampaign(rules);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    await run(campaignId);
    expect((await messagesOf(campaignId)).map((m) => m.profile_id)).toEqual([older.id]);
  });

  test('PRV-8: an opted-out profile gets nothing; the opt-out is immediate, traced and reversible', async () => {
    const dep = '52';
    const p = await aProfile({ departement: dep });
    const rules: CampaignRules = { ...NO_RULES, departements: [dep] };
    const { agent, campaignId } = await aCampaign(rules);
    await setPreventionOptOut(db, p.actor, { profileId: p.id, optedOut: true }, now);
    expect(await previewPreventionCampaign(db, agent, rules, now)).toBe(0);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    await run(campaignId);
    expect(await messagesOf(campaignId)).toEqual([]);
    expect(await teaserEmails(campaignId)).toEqual([]);
    expect((await preventionSection(db, p.actor, p.id)).optedOut).toBe(true);
    await setPreventionOptOut(db, p.actor, { profileId: p.id, optedOut: false }, now);
    expect(await previewPreventionCampaign(db, agent, rules, now)).toBe(1);
    const traces = await db.selectFrom('access_events').select(['action', 'outcome']).where('profile_id', '=', p.id)
      .where('action', 'like', 'prevention.%').orderBy('at').orderBy('id').execute();
    expect(traces).toEqual([{ action: 'prevention.opt-out', outcome: 'OK' }, { action: 'prevention.opt-in', outcome: 'OK' }]);
  });

  test('PRV-8: someone else may not opt a profile out (refused and traced); staff may not either', async () => {
    const p = await aProfile({ departement: '04' });
    const other = await aProfile({ departement: '04' });
    await expect(setPreventionOptOut(db, other.actor, { profileId: p.id, optedOut: true }, now)).rejects.toThrow(AccessDeniedError);
    await expect(setPreventionOptOut(db, await aStaffMember(db), { profileId: p.id, optedOut: true }, now)).rejects.toThrow(AccessDeniedError);
    expect((await preventionSection(db, p.actor, p.id)).optedOut).toBe(false);
    const denied = await db.selectFrom('access_events').select('outcome').where('profile_id', '=', p.id).where('action', '=', 'prevention.opt-out').execute();
    expect(denied.map((d) => d.outcome)).toEqual(['DENIED', 'DENIED']);
  });
});

describe('PRV-6: batches, crash and resume, pause', () => {
  test('a crash after the first batch, then a restart: every profile gets its message and its email exactly once', async () => {
    const dep = '12';
    const people = await Promise.all(Array.from({ length: 25 }, () => aProfile({ departement: dep })));
    const rules: CampaignRules = { ...NO_RULES, departements: [dep] };
    const { agent, campaignId } = await aCampaign(rules);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    await expect(run(campaignId, { batchSize: 10, afterBatch: () => { throw new Error('worker killed'); } })).rejects.toThrow('worker killed');
    expect(await messagesOf(campaignId)).toHaveLength(10);
    expect(await run(campaignId, { batchSize: 10 })).toBe('done');
    const reached = (await messagesOf(campaignId)).map((m) => m.profile_id);
    expect(new Set(reached).size).toBe(25);
    expect(reached.sort()).toEqual(people.map((p) => p.id).sort());
    const emails = (await teaserEmails(campaignId)).map((e) => e.to);
    expect(emails).toHaveLength(25);
    expect(new Set(emails).size).toBe(25);
    expect(await db.selectFrom('prevention_campaigns').select(['delivered', 'emails']).where('id', '=', campaignId).executeTakeFirstOrThrow())
      .toEqual({ delivered: 25, emails: 25 });
  });

  test('pause stops the run between batches; resume finishes it; a finished campaign cannot be cancelled', async () => {
    const dep = '43';
    await Promise.all(Array.from({ length: 6 }, () => aProfile({ departement: dep })));
    const { agent, campaignId } = await aCampaign({ ...NO_RULES, departements: [dep] });
    await expect(applyPreventionCommand(db, agent, campaignId, 'pause', now)).rejects.toThrow(ValidationError);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    const paused = await run(campaignId, { batchSize: 2, afterBatch: () => applyPreventionCommand(db, agent, campaignId, 'pause', now) });
    expect(paused).toBe('stopped');
    expect(await messagesOf(campaignId)).toHaveLength(2);
    await applyPreventionCommand(db, agent, campaignId, 'resume', now);
    expect(await db.selectFrom('outbox').select('id').where('kind', '=', 'campaign-dispatch')
      .where(sql<boolean>`payload->>'campaignId' = ${campaignId}`).execute()).toHaveLength(2); // start and resume each enqueue a run
    expect(await run(campaignId, { batchSize: 2 })).toBe('done');
    expect(await messagesOf(campaignId)).toHaveLength(6);
    await expect(applyPreventionCommand(db, agent, campaignId, 'cancel', now)).rejects.toThrow('une campagne terminée ne s’annule pas');
  });

  test('PRV-6: « Lancer » enqueues a run through the outbox; the campaigns queue\'s processor runs it to the end, and a second run sends nothing more', async () => {
    const dep = '90';
    await Promise.all(Array.from({ length: 3 }, () => aProfile({ departement: dep, birthDate: '1990-01-01' })));
    const rules: CampaignRules = { ...NO_RULES, departements: [dep], minAge: 30, maxAge: 40 };
    const { agent, campaignId } = await aCampaign(rules);
    await applyPreventionCommand(db, agent, campaignId, 'start', now);
    const job = await db.selectFrom('outbox').select('id').where('kind', '=', 'campaign-dispatch')
      .where(sql<boolean>`payload->>'campaignId' = ${campaignId}`).executeTakeFirstOrThrow();
    expect(await processCampaignJob(db, demoSender, { outboxId: job.id })).toBe('done');
    expect(await processCampaignJob(db, demoSender, { campaignId, prevention: true })).toBe('stopped'); // DONE: nothing to run
    expect(await messagesOf(campaignId)).toHaveLength(3);
    expect(await db.selectFrom('outbox').select('status').where('id', '=', job.id).executeTakeFirstOrThrow()).toEqual({ status: 'DONE' });
  });

  test('bad input: an over-long title and inverted ages are refused in French, nothing created; patients may not manage campaigns', async () => {
    const agent = await aStaffMember(db);
    const before = await db.selectFrom('prevention_campaigns').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    await expect(createPreventionCampaign(db, agent, { name: 'Titre trop long', title: 'x'.repeat(101), body: 'b', teaser: 't', rules: NO_RULES }, now))
      .rejects.toThrow('Le titre du message doit compter de 1 à 100 caractères.');
    await expect(createPreventionCampaign(db, agent, { name: 'Âges inversés', title: 'T', body: 'b', teaser: 't', rules: { ...NO_RULES, minAge: 70, maxAge: 50 } }, now))
      .rejects.toThrow('L’âge minimal doit être inférieur ou égal à l’âge maximal.');
    const after = await db.selectFrom('prevention_campaigns').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    const p = await aProfile({ departement: '04' });
    await expect(previewPreventionCampaign(db, p.actor, NO_RULES, now)).rejects.toThrow(AccessDeniedError);
  });
});
