import { spawn, type ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, afterEach, describe, expect, inject, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { watchCampaigns } from '@/jobs/campaigns';
import type { ProfileState } from '@/lib/accounts/lifecycle';
import { nirKey } from '@/lib/identity/nir';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { sinkPushProvider } from '@/lib/notifications/channels/sink';
import { applyPreventionCommand, createPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import { setPreventionOptOut } from '@/lib/prevention-campaigns/opt-out';
import type { CampaignRules } from '@/lib/prevention-campaigns/rules';
import { runPreventionCampaign, WHY_IN_PREVENTION_SECTION } from '@/lib/prevention-campaigns/run-campaign';
import { listConversations } from '@/lib/messaging/list-conversations';
import { openConversation } from '@/lib/messaging/open-conversation';
import { aStaffMember } from '../factories';
import { childProcesses } from '../support/children';
import { startCountingSmtp, type CountingSmtp } from '../support/counting-smtp';
import { ownQueuePrefix, waitFor } from '../support/wait';

/**
 * PRV-9 delivery channels of a prevention campaign: the email teaser (through the campaigns' bulk sender,
 * crash-safe) and the push (through the channel provider, into the development sink).
 */
const db = getDb();
const demoSender = createBulkSender({ smtpUrl: undefined, size: 2, db });
const { children, killAll } = childProcesses();
const sinks: CountingSmtp[] = [];
afterEach(killAll);
afterAll(async () => {
  await killAll();
  await Promise.all(sinks.map((s) => s.close()));
  await closeDb();
});

const now = new Date('2026-11-30T10:00:00Z');
const NO_RULES: CampaignRules = { minAge: null, maxAge: null, sex: null, departements: [], history: null };
const TITLE = 'Le dépistage du cancer du sein vous concerne';
const BODY = 'Tous les deux ans, une mammographie prise en charge à 100 %.';
const TEASER = 'Un message de l’Assurance Maladie vous attend.';

let counter = randomInt(0, 400_000);
type Person = { id: string; accountId: string | null; email: string; firstName: string };
/** A profile (ACTIVE unless told) with its insured-population row and, for an adult, a holder account. */
async function aProfile(departement: string, opts: { birthDate?: string; state?: ProfileState; account?: boolean } = {}): Promise<Person> {
  const birthDate = opts.birthDate ?? '1970-03-15';
  const n = counter++;
  const body = `2${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}97${String(n).padStart(6, '0')}`;
  const nir = body + nirKey(body);
  const firstName = `Camille${n}`;
  await db.insertInto('insured_people').values({ nir, vitale_serial: '12345678901', birth_name: 'PREVENTION', first_names: firstName, birth_date: birthDate,
    sex: 2, birth_place: '75056', departement, email: null, mobile: null, postal_address: null, parent_nir: null, ase: false,
    has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const profile = await db.insertInto('profiles').values({ nir, vitale_serial: '12345678901', birth_name: 'PREVENTION', first_names: `${firstName} Marie`,
    birth_date: birthDate, sex: 2, birth_place: '75056', email: null, kind: opts.account === false ? 'CHILD' : 'ADULT', state: opts.state ?? 'ACTIVE',
    previous_state: null, state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null })
    .returning('id').executeTakeFirstOrThrow();
  const email = `prv-delivery.${n}@exemple.test`;
  const accountId = opts.account === false ? null : (await db.insertInto('accounts').values({ profile_id: profile.id, identifiant: `prvd.${n}`,
    password_hash: 'x', email, email_verified_at: now, locked_until: null, last_login_at: null }).returning('id').executeTakeFirstOrThrow()).id;
  return { id: profile.id, accountId, email, firstName };
}
const represent = (accountId: string, profileId: string) => db.insertInto('representations').values({ account_id: accountId, profile_id: profileId,
  role: 'PARENT_PRINCIPAL', granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
async function aDevice(accountId: string): Promise<string> {
  const token = `jeton-${randomUUID()}`;
  await db.insertInto('push_devices').values({ account_id: accountId, token, label: 'Téléphone' }).execute();
  return token;
}
const switchOff = (accountId: string, channel: 'EMAIL' | 'PUSH') => db.insertInto('notification_preferences')
  .values({ account_id: accountId, kind: 'NOTIF_APPOINTMENT', channel, enabled: false, updated_at: now }).execute();

async function aStartedCampaign(departement: string, at = now) {
  const agent = await aStaffMember(db);
  const { campaignId } = await createPreventionCampaign(db, agent, { name: `Dépistage ${departement}`, title: TITLE, body: BODY, teaser: TEASER,
    rules: { ...NO_RULES, departements: [departement] } }, at);
  await applyPreventionCommand(db, agent, campaignId, 'start', at);
  return campaignId;
}
const run = (campaignId: string, extra: Partial<Parameters<typeof runPreventionCampaign>[2]> = {}) =>
  runPreventionCampaign(db, campaignId, { now: () => now, appUrl: 'http://mes.test', sender: demoSender, push: sinkPushProvider, ...extra });
/** The teasers as received (the demo mailbox stands for the SMTP server when none is configured). */
const received = (campaignId: string) => db.selectFrom('demo_mailbox as m').innerJoin('prevention_emails as e', 'e.id', 'm.campaign_recipient_id')
  .select(['m.to_address', 'm.subject', 'm.html', 'm.text']).where('e.campaign_id', '=', campaignId).execute();
const sunk = (tokens: string[]) => db.selectFrom('notification_sink').select(['recipient', 'text', 'channel'])
  .where('recipient', 'in', tokens).orderBy('id').execute();
const counters = (campaignId: string) => db.selectFrom('prevention_campaigns')
  .select(['status', 'delivered', 'emails', 'emails_sent', 'emails_failed', 'emails_skipped', 'pushes', 'pushes_sent', 'pushes_failed', 'pushes_skipped'])
  .where('id', '=', campaignId).executeTakeFirstOrThrow();

describe('PRV-9, NOT-7: who gets the email teaser and the push', () => {
  test('PRV-9: ACTIVE profiles only, one email per recipient account, one push per device; a representative is told whose profile it is', async () => {
    const dep = '24';
    const parent = await aProfile(dep);
    const child = await aProfile(dep, { birthDate: '2016-05-02', account: false });
    await represent(parent.accountId!, child.id);
    const parentPhone = await aDevice(parent.accountId!);
    // A representative whose own profile is not targeted (another département): told about the child.
    const otherParent = await aProfile('25');
    await represent(otherParent.accountId!, child.id);
    const otherPhone = await aDevice(otherParent.accountId!);
    // Suspended between the in-app delivery and the sending: no email, no push (PRV-9: ACTIVE profiles only).
    const suspended = await aProfile(dep);
    const suspendedPhone = await aDevice(suspended.accountId!);
    const campaignId = await aStartedCampaign(dep);

    expect(await run(campaignId, {
      afterBatch: async () => { await db.updateTable('profiles').set({ state: 'SUSPENDED', previous_state: 'ACTIVE' }).where('id', '=', suspended.id).execute(); },
    })).toBe('done');

    const mails = await received(campaignId);
    expect(mails.map((m) => m.to_address).sort()).toEqual([parent.email, otherParent.email].sort()); // the parent once, not once per profile
    const toOther = mails.find((m) => m.to_address === otherParent.email)!;
    expect(toOther.text).toContain(`attend ${child.firstName} dans Mon espace santé`);
    expect(toOther.html).toContain(`http://mes.test/espace/prevention?profil=${child.id}`);
    const toParent = mails.find((m) => m.to_address === parent.email)!;
    expect(toParent.text).toContain('vous attend dans Mon espace santé');
    expect(toParent.html).toContain('http://mes.test/espace/prevention"');

    const pushes = await sunk([parentPhone, otherPhone, suspendedPhone]);
    expect(pushes.map((p) => p.recipient).sort()).toEqual([parentPhone, otherPhone].sort());
    expect(pushes.every((p) => p.channel === 'PUSH')).toBe(true);
    expect(pushes.find((p) => p.recipient === otherPhone)!.text).toBe(`Mon espace santé : un nouveau message de prévention attend ${child.firstName}. ${TEASER}`);

    expect(await counters(campaignId)).toEqual({ status: 'DONE', delivered: 3, emails: 3, emails_sent: 2, emails_failed: 0, emails_skipped: 1,
      pushes: 3, pushes_sent: 2, pushes_failed: 0, pushes_skipped: 1 });
    // A second run sends nothing more.
    expect(await run(campaignId)).toBe('stopped');
    expect(await received(campaignId)).toHaveLength(2);
    expect(await sunk([parentPhone, otherPhone])).toHaveLength(2);
  });

  test('PRV-9, NOT-7: the teaser says a message waits and where — never the title, the text or anything medical', async () => {
    const dep = '26';
    const p = await aProfile(dep);
    const campaignId = await aStartedCampaign(dep);
    await run(campaignId);
    const [mail] = await received(campaignId);
    expect(mail!.subject).toBe('Un nouveau message de prévention dans Mon espace santé');
    for (const part of [mail!.html, mail!.text]) {
      expect(part).toContain('Un message de l’Assurance Maladie vous attend.');
      expect(part).not.toContain(TITLE);
      expect(part).not.toContain(BODY);
      expect(part).not.toMatch(/cancer|sein|mammographie|dépistage/i);
    }
    expect(mail!.to_address).toBe(p.email);
  });

  test('NOT-1, PRV-8: a channel switched off gets nothing on it; a profile opted out after its in-app message gets no messagerie copy, email nor push', async () => {
    const dep = '27';
    const noEmail = await aProfile(dep);
    await switchOff(noEmail.accountId!, 'EMAIL');
    const noEmailPhone = await aDevice(noEmail.accountId!);
    const noPush = await aProfile(dep);
    await switchOff(noPush.accountId!, 'PUSH');
    const noPushPhone = await aDevice(noPush.accountId!);
    // One opts out between the in-app message and the fan-out, one after its teaser was queued.
    const early = await aProfile(dep);
    const earlyPhone = await aDevice(early.accountId!);
    const late = await aProfile(dep);
    const latePhone = await aDevice(late.accountId!);
    const campaignId = await aStartedCampaign(dep);
    const optOut = (p: { id: string; accountId: string | null }) => setPreventionOptOut(db,
      { kind: 'PATIENT' as const, accountId: p.accountId!, name: 'Camille PREVENTION', ownProfileId: p.id, representedProfileIds: [] }, { profileId: p.id, optedOut: true }, now);
    await run(campaignId, { afterBatch: (_, pass) => optOut(pass === 'enqueue' ? early : late) });

    expect((await received(campaignId)).map((m) => m.to_address)).toEqual([noPush.email]);
    expect((await sunk([noEmailPhone, noPushPhone, earlyPhone, latePhone])).map((p) => p.recipient)).toEqual([noEmailPhone]);
    expect(await counters(campaignId)).toMatchObject({ delivered: 4, emails: 2, emails_sent: 1, emails_skipped: 1, pushes: 2, pushes_sent: 1, pushes_skipped: 1 });
    const inboxOf = async (profileId: string) => db.selectFrom('conversations').select('id').where('profile_id', '=', profileId).execute();
    expect(await inboxOf(early.id)).toEqual([]);
    expect(await inboxOf(late.id)).toHaveLength(1);
  });
});

describe('NOT-7, AID-4, AID-6: aidants among the recipients', () => {
  /** An accepted aidant link (AID-3), as lib/aidants leaves it on acceptance. */
  const aidantLink = (aidedProfileId: string, aidantAccountId: string, invitedBy: string) => db.insertInto('aidant_links').values({
    aided_profile_id: aidedProfileId, aidant_account_id: aidantAccountId, invited_by_account_id: invitedBy, status: 'ACCEPTED',
    invited_at: now, expires_at: new Date(now.getTime() + 30 * 86_400_000), responded_at: now, revoked_at: null, revoked_by: null,
    justificatif_document_id: null }).returning('id').executeTakeFirstOrThrow();

  test('an aidant with a live link gets the teaser and the push naming the aidé; an aidant revoked and a representative removed after the fan-out get nothing', async () => {
    const dep = '34';
    const aide = await aProfile(dep);
    const aidant = await aProfile('35'); // not targeted themselves: reached as the aidé's aidant
    const aidantPhone = await aDevice(aidant.accountId!);
    const revoked = await aProfile('35');
    const revokedPhone = await aDevice(revoked.accountId!);
    const child = await aProfile(dep, { birthDate: '2016-05-02', account: false });
    const parent = await aProfile('35');
    await represent(parent.accountId!, child.id);
    await aidantLink(aide.id, aidant.accountId!, aide.accountId!);
    const revokedLink = await aidantLink(aide.id, revoked.accountId!, aide.accountId!);
    const campaignId = await aStartedCampaign(dep);

    await run(campaignId, { afterBatch: async (_, pass) => {
      if (pass !== 'fan-out') return;
      await db.updateTable('aidant_links').set({ status: 'REVOKED', revoked_at: now, revoked_by: 'AIDE' }).where('id', '=', revokedLink.id).execute();
      await db.updateTable('representations').set({ revoked_at: now, revoked_reason: 'COURT' }).where('profile_id', '=', child.id).execute();
    } });

    const mails = await received(campaignId);
    expect(mails.map((m) => m.to_address).sort()).toEqual([aide.email, aidant.email].sort());
    expect(mails.find((m) => m.to_address === aidant.email)!.text).toContain(`attend ${aide.firstName} dans Mon espace santé`);
    expect((await sunk([aidantPhone, revokedPhone])).map((p) => p.recipient)).toEqual([aidantPhone]);
    expect(await counters(campaignId)).toMatchObject({ delivered: 2, emails: 4, emails_sent: 2, emails_skipped: 2, pushes: 2, pushes_sent: 1, pushes_skipped: 1 });
  });
});

describe('PRV-9: the messagerie channel', () => {
  test('PRV-9, MSG-4: each reached ACTIVE profile gets the message in its inbox from « Assurance Maladie », unread, without a reply; never twice', async () => {
    const dep = '28';
    const p = await aProfile(dep);
    const closed = await aProfile(dep, { state: 'CLOSED' });
    const campaignId = await aStartedCampaign(dep);
    expect(await run(campaignId)).toBe('done');
    const actor = { kind: 'PATIENT' as const, accountId: p.accountId!, name: 'Camille PREVENTION', ownProfileId: p.id, representedProfileIds: [] };
    const inbox = await listConversations(db, actor, { profileId: p.id }, now);
    expect(inbox.items.map((i) => [i.subject, i.professionalLabel, i.unread])).toEqual([[TITLE, 'Assurance Maladie', 1]]);
    expect(inbox.unreadTotal).toBe(1);
    const opened = await openConversation(db, actor, { profileId: p.id, conversationId: inbox.items[0]!.id }, now);
    expect(opened.messages.map((m) => [m.authorLabel, m.body, m.replyOption])).toEqual([['Assurance Maladie', `${BODY}\n\n${WHY_IN_PREVENTION_SECTION}`, 'NO_REPLY']]);
    expect(opened.replyRefusal).not.toBeNull();
    // Nothing for a profile outside ACTIVE (targeting), and a re-run adds no second conversation.
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', closed.id).execute()).toEqual([]);
    await run(campaignId);
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', p.id).execute()).toHaveLength(1);
  });
});

describe('PRV-9: pause and cancel stop the teasers', () => {
  test('a campaign paused after its in-app delivery, then cancelled, sends no teaser or push; the watchdog then leaves it alone', async () => {
    const dep = '31';
    const people = await Promise.all(Array.from({ length: 3 }, () => aProfile(dep)));
    const phone = await aDevice(people[0]!.accountId!);
    const campaignId = await aStartedCampaign(dep);
    const agent = await aStaffMember(db);
    expect(await run(campaignId, { afterBatch: (_, pass) => pass === 'fan-out' ? applyPreventionCommand(db, agent, campaignId, 'pause', now) : undefined })).toBe('stopped');
    await applyPreventionCommand(db, agent, campaignId, 'cancel', now);
    const queue = { addBulk: async (jobs: { data: { campaignId?: string } }[]) => { picked.push(...jobs.map((j) => j.data.campaignId)); return []; } };
    const picked: (string | undefined)[] = [];
    await watchCampaigns(db, queue as unknown as Parameters<typeof watchCampaigns>[1], now, 60_000);
    expect(picked).toContain(campaignId); // its queued teasers are not accounted for yet
    expect(await run(campaignId)).toBe('stopped');
    expect(await received(campaignId)).toEqual([]);
    expect(await sunk([phone])).toEqual([]);
    expect(await counters(campaignId)).toMatchObject({ status: 'CANCELLED', delivered: 3, emails: 3, emails_sent: 0, emails_skipped: 3, pushes: 1, pushes_skipped: 1 });
    picked.length = 0;
    await watchCampaigns(db, queue as unknown as Parameters<typeof watchCampaigns>[1], now, 60_000);
    expect(picked).not.toContain(campaignId);
  });
});

describe('PRV-9: crash safety of the email teasers (counted at a real SMTP server)', () => {
  test('a crash after an in-app batch, then one between sending and recording: every recipient gets exactly one teaser', async () => {
    const dep = '28';
    const people = await Promise.all(Array.from({ length: 30 }, () => aProfile(dep)));
    const campaignId = await aStartedCampaign(dep);
    const smtp = await startCountingSmtp();
    sinks.push(smtp);
    const sender = createBulkSender({ smtpUrl: smtp.url, size: 3, db });
    const leaseMs = 60_000;
    try {
      const base = { sender, batchSize: 10, emailBatchSize: 10, leaseMs };
      await expect(run(campaignId, { ...base, afterBatch: () => { throw new Error('worker killed'); } })).rejects.toThrow('worker killed');
      expect(smtp.total()).toBe(0); // the in-app batch was committed, no email went yet
      await expect(run(campaignId, { ...base, afterSend: () => { throw new Error('worker killed'); } })).rejects.toThrow('worker killed');
      expect(smtp.total()).toBe(10); // handed over, not yet recorded as sent
      // The restart before the lease ran out sends the others and waits for the crashed batch's lease.
      expect(await run(campaignId, base)).toBe('waiting');
      expect(smtp.total()).toBe(30);
      // Past the lease: the crashed batch is presumed sent (uncertain), never sent again.
      expect(await run(campaignId, { ...base, now: () => new Date(now.getTime() + leaseMs + 1000) })).toBe('done');
    } finally {
      sender.close();
    }
    const counts = smtp.countsByRecipient();
    expect(people.map((p) => counts.get(p.email) ?? 0)).toEqual(people.map(() => 1));
    expect(await counters(campaignId)).toMatchObject({ status: 'DONE', delivered: 30, emails: 30, emails_sent: 30, emails_failed: 0 });
    const uncertain = await db.selectFrom('prevention_emails').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('campaign_id', '=', campaignId).where('uncertain', '=', true).executeTakeFirstOrThrow();
    expect(Number(uncertain.n)).toBe(10);
  });

  test('PRV-9: a refused address is given up (FAILED, counted), the others are sent', async () => {
    const dep = '29';
    const ok = await aProfile(dep);
    const refused = await aProfile(dep);
    const campaignId = await aStartedCampaign(dep);
    const smtp = await startCountingSmtp();
    sinks.push(smtp);
    const bouncing = createBulkSender({ smtpUrl: smtp.url, size: 1, db });
    const slot = bouncing.slots[0]!;
    const wrapped = { ...bouncing, slots: [{ close: () => slot.close(), send: (m: Parameters<typeof slot.send>[0], before: () => Promise<void>) =>
      (m.to === refused.email ? Promise.resolve({ kind: 'bounced' as const, error: '550 adresse inconnue' }) : slot.send(m, before)) }] };
    try {
      expect(await run(campaignId, { sender: wrapped })).toBe('done');
    } finally {
      bouncing.close();
    }
    expect([...smtp.countsByRecipient().keys()]).toEqual([ok.email]);
    expect(await counters(campaignId)).toMatchObject({ emails: 2, emails_sent: 1, emails_failed: 1 });
  });
});

/** Bulk ACTIVE profiles with holder accounts, in SQL (the worker test needs a few thousand). */
async function manyProfiles(departement: string, count: number): Promise<string[]> {
  const base = randomInt(0, 9_000_000);
  await sql`insert into insured_people (nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, departement, row_hash)
    select '299' || lpad((g + ${base})::text, 12, '0'), '12345678901', 'NOM', 'Prénom', date '1970-01-01', 2, '75056', ${departement}, 'x'
    from generate_series(1, ${count}) g`.execute(db);
  await sql`insert into profiles (nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, kind, state, state_changed_at)
    select '299' || lpad((g + ${base})::text, 12, '0'), '12345678901', 'NOM', 'Prénom', date '1970-01-01', 2, '75056', 'ADULT', 'ACTIVE', now()
    from generate_series(1, ${count}) g`.execute(db);
  const { rows } = await sql<{ email: string }>`insert into accounts (profile_id, identifiant, password_hash, email, email_verified_at)
    select p.id, 'bulk.' || p.nir, 'x', 'bulk.' || p.nir || '@exemple.test', now() from profiles p
    join insured_people ip on ip.nir = p.nir where ip.departement = ${departement}
    returning email`.execute(db);
  return rows.map((r) => r.email);
}

describe('PRV-9: kill -9 of the worker while the teasers go out', () => {
  test('PRV-9: the worker killed mid-sending, then restarted — exactly one teaser per recipient account', { timeout: 240_000 }, async () => {
    const RECIPIENTS = 3000;
    const emails = await manyProfiles('30', RECIPIENTS);
    const campaignId = await aStartedCampaign('30', new Date());
    const sink = await startCountingSmtp();
    sinks.push(sink);
    const log: string[] = [];
    const env = { QUEUE_PREFIX: ownQueuePrefix(inject('queuePrefix'), 'prevention-crash') };
    const first = startWorker({ ...env, SMTP_URL: sink.url }, log);
    const ours = (s: CountingSmtp) => { const c = s.countsByRecipient(); return emails.reduce((n, e) => n + (c.get(e) ?? 0), 0); };
    await waitFor('1 000 teasers', () => ours(sink) >= 1000, 120_000, 20).catch((e: Error) => { throw new Error(`${e.message}\n${log.join('').slice(-3000)}`); });
    sink.stall(); // the worst moment: messages handed over up to their final dot, no "250" yet
    await new Promise((r) => setTimeout(r, 300));
    first.kill('SIGKILL');
    await new Promise<void>((r) => first.once('exit', () => r()));
    expect(ours(sink)).toBeLessThan(RECIPIENTS);

    const fresh = await startCountingSmtp();
    sinks.push(fresh);
    startWorker({ ...env, SMTP_URL: fresh.url }, log);
    await waitFor('the campaign to finish', async () => (await counters(campaignId)).status === 'DONE', 180_000, 250)
      .catch((e: Error) => { throw new Error(`${e.message}\n${log.join('').slice(-3000)}`); });
    const a = sink.countsByRecipient();
    const b = fresh.countsByRecipient();
    const wrong = emails.filter((e) => (a.get(e) ?? 0) + (b.get(e) ?? 0) !== 1);
    expect(wrong).toEqual([]);
    expect(await counters(campaignId)).toMatchObject({ delivered: RECIPIENTS, emails: RECIPIENTS, emails_sent: RECIPIENTS, emails_failed: 0 });
  });
});

function startWorker(env: Record<string, string>, log: string[]): ChildProcess {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'jobs/worker.ts'], {
    env: { ...process.env, RELAY_INTERVAL_MS: '100', CAMPAIGN_LEASE_MS: '2000', CAMPAIGN_WATCHDOG_MS: '1000', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout!.on('data', (c: Buffer) => log.push(c.toString()));
  worker.stderr!.on('data', (c: Buffer) => log.push(c.toString()));
  children.push(worker);
  return worker;
}
