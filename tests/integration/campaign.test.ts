import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { startActivation } from '@/lib/accounts/start-activation';
import { applyCampaignCommand, createCampaign, previewCampaign } from '@/lib/campaigns/manage';
import { dispatchCampaign, type DispatchOptions } from '@/lib/campaigns/dispatch';
import { campaignProgress } from '@/lib/campaigns/progress';
import { postLetterBatch } from '@/lib/campaigns/post-letters';
import { createBulkSender, type BulkSender } from '@/lib/notifications/bulk-sender';
import { verifyChains } from '@/lib/audit/verify-chains';
import { ValidationError } from '@/lib/errors';
import { aStaffMember, aPendingPerson } from '../factories';
import { anInsuredPopulation } from '../factories/population';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';

const db = getDb();
let sink: SmtpSink;
let sender: BulkSender;
let lettersDir: string;
const now = new Date('2026-12-01T09:00:00Z');

beforeAll(async () => {
  sink = await startSmtpSink();
  sender = createBulkSender({ smtpUrl: sink.url, size: 4, db });
  lettersDir = await mkdtemp(path.join(os.tmpdir(), 'mes-letters-'));
});
afterAll(async () => { sender.close(); await sink.close(); await closeDb(); });

const options = (extra: Partial<DispatchOptions> = {}): DispatchOptions => ({
  now: () => now, from: 'Mon espace santé <ne-pas-repondre@mes.test>', appUrl: 'http://localhost:3000', lettersDir, batchSize: 7, ...extra,
});
const codeIn = (text: string) => /\b([A-HJKMNP-Z2-9]{8})\b/.exec(text.replace(/XXMES\w+XX/g, ''))?.[1];

async function runCampaign(departement: string) {
  const agent = await aStaffMember(db);
  const { campaignId } = await createCampaign(db, agent, { name: `Test ${departement}`, departements: [departement], birthsSince: null }, now);
  await applyCampaignCommand(db, agent, campaignId, 'start', now);
  return { agent, campaignId };
}

describe('CMP-1..9: a creation campaign', () => {
  test('CMP-1, CMP-2, CMP-3, CMP-6: preview counts; adults by email, a child via the parent principal, no email → letter', async () => {
    const agent = await aStaffMember(db);
    const [parent] = await anInsuredPopulation(db, { departement: '976', count: 1, email: () => 'parent.976@exemple.test' });
    await anInsuredPopulation(db, { departement: '976', count: 2, email: () => null, parentNir: parent!.nir, birthDate: '2018-05-04', firstNames: (i) => `Enfant${i}` });
    await anInsuredPopulation(db, { departement: '976', count: 3, email: (i) => `adulte.976.${i}@exemple.test` });
    await anInsuredPopulation(db, { departement: '976', count: 1, email: () => null });
    await anInsuredPopulation(db, { departement: '976', count: 1, email: () => null, ase: true, birthDate: '2015-03-03' });
    const input = { name: 'Mayotte', departements: ['976'], birthsSince: null };
    expect(await previewCampaign(db, agent, input, now)).toEqual({ total: 7, letters: 1, children: 2, duplicates: 0 });

    const { campaignId } = await createCampaign(db, agent, input, now);
    await applyCampaignCommand(db, agent, campaignId, 'start', now);
    expect(await dispatchCampaign(db, sender, campaignId, options())).toBe('done');

    // CMP-6: one notice and one distinct code per child, both to the parent principal (CMP-2).
    const parentMail = sink.to('parent.976@exemple.test');
    expect(parentMail).toHaveLength(3);
    const childNotices = parentMail.filter((m) => m.subject === 'Le profil Mon espace santé de votre enfant');
    expect(childNotices.map((m) => /enfant (Enfant\d)/i.exec(m.text)?.[1]).sort()).toEqual(['Enfant0', 'Enfant1']);
    const codes = parentMail.map((m) => codeIn(m.text));
    expect(new Set(codes).size).toBe(3);
    expect(sink.to('adulte.976.2@exemple.test')).toHaveLength(1);

    const progress = await campaignProgress(db, agent, campaignId, now);
    expect(progress.counts).toMatchObject({ selected: 7, sent: 6, letters: 1, queued: 0, failed: 0, bounced: 0 });
    expect(progress.status).toBe('DONE');
    // ACC-2 T1 + CMP-4: the profiles are PENDING with their window counted from the sending day.
    const profiles = await db.selectFrom('profiles').innerJoin('campaign_recipients as r', 'r.profile_id', 'profiles.id')
      .select(['profiles.state', 'profiles.opposition_deadline', 'r.channel']).where('r.campaign_id', '=', campaignId).execute();
    expect(profiles.filter((p) => p.channel === 'EMAIL').map((p) => [p.state, p.opposition_deadline]))
      .toEqual(Array(6).fill(['PENDING', '2027-01-12']));
    expect((await verifyChains(db)).breaks).toEqual([]);
  });

  test('CMP-7: the emailed code is accepted by the activation; CMP-9: re-running the campaign sends nothing again', async () => {
    const people = await anInsuredPopulation(db, { departement: '2A', count: 3 });
    const { campaignId } = await runCampaign('2A');
    await dispatchCampaign(db, sender, campaignId, options());
    const before = sink.messages.length;
    await dispatchCampaign(db, sender, campaignId, options());
    expect(sink.messages.length).toBe(before);
    const p = people[0]!;
    const code = codeIn(sink.to(p.email!)[0]!.text)!;
    const { enrolmentId } = await startActivation(db, { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, code }, now);
    expect(enrolmentId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('CMP-1: a person already with a profile, or in another campaign, is not selected again', async () => {
    const people = await anInsuredPopulation(db, { departement: '2B', count: 2 });
    const first = await runCampaign('2B');
    const agent = await aStaffMember(db);
    expect((await previewCampaign(db, agent, { name: 'x', departements: ['2B'], birthsSince: null }, now)).total).toBe(0);
    await dispatchCampaign(db, sender, first.campaignId, options());
    expect(sink.to(people[1]!.email!)).toHaveLength(1);
    const again = await runCampaign('2B');
    expect((await campaignProgress(db, agent, again.campaignId, now)).counts.selected).toBe(0);
  });

  test('CMP-3: a hard bounce turns into a letter; CMP-5 letters come as one PDF per batch; posting starts the window', async () => {
    const people = await anInsuredPopulation(db, { departement: '973', count: 4, email: (i) => (i === 0 ? 'inconnu.973@exemple.test' : null) });
    sink.refuse = (address) => address === 'inconnu.973@exemple.test';
    const { agent, campaignId } = await runCampaign('973');
    expect(await dispatchCampaign(db, sender, campaignId, options({ letterBatchSize: 2 }))).toBe('done');
    sink.refuse = () => false;
    const progress = await campaignProgress(db, agent, campaignId, now);
    expect(progress.counts).toMatchObject({ bounced: 1, letters: 4, sent: 0 });
    expect(progress.letterBatches.map((b) => b.letters)).toEqual([2, 2]);
    const batch = progress.letterBatches[0]!;
    const pdf = await readFile(batch.stored_path!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // Letters wait for posting: no window yet.
    const bounced = await db.selectFrom('campaign_recipients').select(['profile_id', 'bounced_at']).where('nir', '=', people[0]!.nir).executeTakeFirstOrThrow();
    expect(bounced.bounced_at).not.toBeNull();
    await postLetterBatch(db, agent, batch.id, '2026-12-01', now);
    const posted = await db.selectFrom('profiles').innerJoin('campaign_recipients as r', 'r.profile_id', 'profiles.id')
      .select(['profiles.opposition_deadline']).where('r.letter_batch_id', '=', batch.id).execute();
    expect(posted.map((p) => p.opposition_deadline)).toEqual(['2027-01-12', '2027-01-12']);
    // The codes were printed once: the file is gone after posting.
    await expect(stat(batch.stored_path!)).rejects.toThrow();
    await expect(postLetterBatch(db, agent, batch.id, '2026-12-01', now)).rejects.toBeInstanceOf(ValidationError);
  });

  test('BO-1: pause stops after the batch in hand, resume finishes, cancel keeps the unsent for later campaigns', async () => {
    await anInsuredPopulation(db, { departement: '974', count: 20 });
    const { agent, campaignId } = await runCampaign('974');
    let batches = 0;
    const paused = await dispatchCampaign(db, sender, campaignId, options({
      shouldStop: () => { if (++batches === 2) void applyCampaignCommand(db, agent, campaignId, 'pause', now); return false; },
    }));
    expect(['stopped', 'done']).toContain(paused);
    const mid = await campaignProgress(db, agent, campaignId, now);
    expect(mid.status).toBe('PAUSED');
    expect(mid.counts.sent).toBeGreaterThan(0);
    expect(mid.counts.sent).toBeLessThan(20);
    await expect(applyCampaignCommand(db, agent, campaignId, 'pause', now)).rejects.toThrow('Seule une campagne en cours');
    await applyCampaignCommand(db, agent, campaignId, 'resume', now);
    expect(await dispatchCampaign(db, sender, campaignId, options())).toBe('done');
    expect((await campaignProgress(db, agent, campaignId, now)).counts.sent).toBe(20);

    await anInsuredPopulation(db, { departement: '972', count: 5 });
    const other = await runCampaign('972');
    await applyCampaignCommand(db, agent, other.campaignId, 'cancel', now);
    expect(await dispatchCampaign(db, sender, other.campaignId, options())).toBe('done');
    expect((await campaignProgress(db, agent, other.campaignId, now)).counts).toMatchObject({ sent: 0, cancelled: 5 });
    expect((await previewCampaign(db, agent, { name: 'x', departements: ['972'], birthsSince: null }, now)).total).toBe(5);
  });

  test('CMP-9: a failing send is retried, then FAILED, and an agent re-queues it from the back-office', async () => {
    const [person] = await anInsuredPopulation(db, { departement: '971', count: 1, email: () => 'lent.971@exemple.test' });
    sink.beforeAccept = async (to) => { if (to.includes('lent.971@exemple.test')) throw Object.assign(new Error('Service indisponible (test)'), { responseCode: 451 }); };
    const { agent, campaignId } = await runCampaign('971');
    expect(await dispatchCampaign(db, sender, campaignId, options())).toBe('done');
    const failed = await campaignProgress(db, agent, campaignId, now);
    expect(failed.counts.failed).toBe(1);
    expect(failed.failures[0]?.last_error).toContain('Service indisponible');
    sink.beforeAccept = async () => {};
    await applyCampaignCommand(db, agent, campaignId, 'retry', now);
    expect(await dispatchCampaign(db, sender, campaignId, options())).toBe('done');
    expect(sink.to(person!.email!)).toHaveLength(1);
    expect((await campaignProgress(db, agent, campaignId, now)).counts).toMatchObject({ sent: 1, failed: 0 });
    await expect(applyCampaignCommand(db, agent, campaignId, 'retry', now)).rejects.toThrow('Aucun envoi en échec');
  });

  test('CMP-1: a person who already has a profile (created by an agent) is not selected', async () => {
    const pending = await aPendingPerson(db, now);
    await db.insertInto('insured_people').values({ nir: pending.nir, vitale_serial: pending.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
      birth_date: pending.birthDate, sex: 2, birth_place: '75056', departement: '48', email: pending.email, mobile: null, postal_address: null,
      parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
    const agent = await aStaffMember(db);
    expect((await previewCampaign(db, agent, { name: 'x', departements: ['48'], birthsSince: null }, now)).total).toBe(0);
  });
});

describe('CMP-10, BO-4: impossible openings', () => {
  test('CMP-10: a duplicate identity is not opened, the person is told at once, and an agent resolves the case', async () => {
    const { openingFailures, resolveOpeningFailure } = await import('@/lib/identity/identity-cases');
    const { latestEmail } = await import('../support/outbox');
    const twinA = await anInsuredPopulation(db, { departement: '15', count: 1, email: () => 'double.a.15@exemple.test', birthDate: '1977-07-07', firstNames: () => 'Alex' });
    await anInsuredPopulation(db, { departement: '15', count: 1, email: () => 'double.b.15@exemple.test', birthDate: '1977-07-07', firstNames: () => 'Alex' });
    await anInsuredPopulation(db, { departement: '15', count: 1, email: () => 'unique.15@exemple.test' });
    const agent = await aStaffMember(db);
    expect(await previewCampaign(db, agent, { name: 'Cantal', departements: ['15'], birthsSince: null }, now)).toMatchObject({ total: 1, duplicates: 2 });
    const { campaignId } = await runCampaign('15');
    expect((await campaignProgress(db, agent, campaignId, now)).counts.selected).toBe(1);
    expect((await latestEmail(db, 'double.a.15@exemple.test', 'opening-failed'))?.payload).toMatchObject({ data: { firstName: 'Alex' } });
    const cases = (await openingFailures(db, agent, now)).filter((f) => f.campaign === 'Test 15');
    expect(cases.map((c) => c.nirMasked).sort()).toHaveLength(2);
    expect(cases[0]!.nirMasked).toContain('••');
    // A second campaign does not write to them again while the case is open.
    expect((await previewCampaign(db, agent, { name: 'x', departements: ['15'], birthsSince: null }, now)).total).toBe(0);
    await resolveOpeningFailure(db, agent, { failureId: cases.find((c) => c.nirMasked.endsWith(twinA[0]!.nir.slice(-2)))!.id, resolution: 'Identité qualifiée auprès de la caisse' }, now);
    await expect(resolveOpeningFailure(db, agent, { failureId: cases[0]!.id, resolution: 'x' }, now)).rejects.toMatchObject({ field: 'resolution' });
  });

  test('ID-11, BO-4: an agent corrects the names of a profile; the holder sees it in the history', async () => {
    const { correctCivilStatus } = await import('@/lib/identity/identity-cases');
    const person = await aPendingPerson(db, now);
    const agent = await aStaffMember(db);
    await expect(correctCivilStatus(db, agent, { profileId: person.profileId, birthName: 'Dupont', firstNames: 'Anne Marie', reason: '' }, now))
      .rejects.toMatchObject({ field: 'reason' });
    await correctCivilStatus(db, agent, { profileId: person.profileId, birthName: 'Dupont-Moreau', firstNames: 'Anne  Marie', reason: 'Acte de naissance reçu' }, now);
    expect(await db.selectFrom('profiles').select(['birth_name', 'first_names']).where('id', '=', person.profileId).executeTakeFirstOrThrow())
      .toEqual({ birth_name: 'DUPONT-MOREAU', first_names: 'Anne Marie' });
  });
});
