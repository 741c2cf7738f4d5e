/**
 * Prevention campaign benchmark (`npm run bench:prevention`, PRV-6..9):
 * 1. BENCH_PROFILES profiles (default 1 000 000; realistic ages and sexes; ~75 % ACTIVE with an account
 *    and an email, representatives for the ACTIVE minors, a push device for ~30 % of the accounts),
 *    seeded with generate_series in a database of its own (dropped at the end).
 * 2. The targeting query (the back-office preview count) for a typical rule: women 50–74. Target ≤ 60 s.
 * 3. The enqueue: every batch of in-app messages (targeting, opt-out and cap in the same query). Target ≤ 60 s.
 *    Then the fan-out (messagerie conversation, email and push rows), timed on its own as the in-app delivery
 *    rate. Then both for a national campaign to every other ACTIVE profile (BENCH_NATIONAL=0 skips it).
 * 4. BENCH_EMAILS email teasers (default 50 000, a capped sample) through the bulk sender to a local SMTP
 *    server, next to a bare pooled nodemailer send of the same rendered message in the same run (alternated
 *    in 5 rounds).
 *    Target ≥ 50 % of the bare rate. Then BENCH_PUSHES pushes (default 20 000) into the development sink.
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { createDb } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { sinkPushProvider } from '@/lib/notifications/channels/sink';
import { hashPassword } from '@/lib/auth/passwords';
import { deliverEmails } from '@/lib/prevention-campaigns/deliver-emails';
import { deliverPushes } from '@/lib/prevention-campaigns/deliver-pushes';
import { applyPreventionCommand, createPreventionCampaign, previewPreventionCampaign } from '@/lib/prevention-campaigns/manage';
import type { CampaignRules } from '@/lib/prevention-campaigns/rules';
import { enqueuePreventionMessages, fanOutPreventionMessages } from '@/lib/prevention-campaigns/run-campaign';
import { mergeTeaser, renderTeaserTemplate } from '@/lib/prevention-campaigns/teaser-template';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 50_000);
const PUSHES = Number(process.env.BENCH_PUSHES ?? 20_000);
const CONNECTIONS = 8;
process.env.AUTH_SECRET ??= 'bench-secret-for-the-prevention-benchmark-012345';
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { maximumFractionDigits: d });
const verdict = (ok: boolean) => (ok ? 'OK' : 'EN DESSOUS DE LA CIBLE');
const seconds = (t: number) => (Date.now() - t) / 1000;

/** Profiles with a French-like age pyramid (≈ 22 % under 18, ≈ 21 % over 65), 51 % women, 75 % ACTIVE. */
async function seed(db: ReturnType<typeof createDb>): Promise<void> {
  // A deterministic pseudo-random draw per row: u(g, salt) in [0, 1).
  const u = (salt: number) => sql.raw(`(((g::bigint * ${2654435761 + salt * 97}) % 1000003) / 1000003.0)`);
  await sql`create unlogged table seed as
    select g, gen_random_uuid() as id, gen_random_uuid() as account_id, sex || lpad(g::text, 14, '0') as nir, sex, age,
      (date '2026-11-29' - make_interval(years => age) - make_interval(days => g % 365))::date as birth_date, active, push, departement
    from (select g, case when ${u(1)} < 0.79 then floor(${u(1)} / 0.79 * 65) else 65 + floor((${u(1)} - 0.79) / 0.21 * 35) end::int as age,
      case when ${u(2)} < 0.51 then 2 else 1 end as sex, ${u(3)} < 0.75 as active, ${u(4)} < 0.30 as push,
      lpad((g % 95 + 1)::text, 2, '0') as departement
    from generate_series(1, ${PROFILES}) g) s`.execute(db);
  await sql`insert into insured_people (nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, departement, row_hash)
    select nir, '12345678901', 'NOM', 'Prénom' || g, birth_date, sex, '75056', departement, 'x' from seed`.execute(db);
  await sql`insert into profiles (id, nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, kind, state, state_changed_at)
    select id, nir, '12345678901', 'NOM', 'Prénom' || g || ' Marie', birth_date, sex, '75056',
      case when age < 18 then 'CHILD' else 'ADULT' end, case when active then 'ACTIVE' else 'CREATED' end, now() from seed`.execute(db);
  // Holders' accounts for the ACTIVE adults; each ACTIVE minor represented by one of them (REP-1: minors have no account).
  await sql`insert into accounts (id, profile_id, identifiant, password_hash, email, email_verified_at)
    select account_id, id, 'compte' || g, 'x', 'p' || g || '@exemple.fr', now() from seed where active and age >= 18`.execute(db);
  await sql`insert into representations (account_id, profile_id, role)
    select a.account_id, m.id, 'PARENT_PRINCIPAL'
    from (select id, row_number() over (order by g) as rn from seed where active and age < 18) m
    join (select account_id, row_number() over (order by g) as rn from seed where active and age >= 18) a on a.rn = m.rn`.execute(db);
  await sql`insert into push_devices (account_id, token, label)
    select account_id, 'jeton-' || g, 'Téléphone' from seed where push and active and age >= 18`.execute(db);
  await sql`drop table seed`.execute(db);
  for (const t of ['insured_people', 'profiles', 'accounts', 'representations', 'push_devices']) await sql`analyze ${sql.table(t)}`.execute(db);
}

async function main() {
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir: path.join(process.cwd(), '.data'), database: 'postgres' });
  const url = withDatabase(pg.url, `mes_bench_prevention_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createDb(url, 6);
  const smtp = fork(path.join(import.meta.dirname, 'smtp-counter.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => smtp.once('message', (m: { port: number }) => resolve(m.port)));
  const received = () => new Promise<number>((resolve) => { smtp.once('message', (m: { total: number }) => resolve(m.total)); smtp.send('count'); });
  try {
    await migrateToLatest(db);
    let t = Date.now();
    await seed(db);
    const counts = (await sql<{ profiles: string; active: string; accounts: string; reps: string; devices: string }>`select
      (select count(*) from profiles) as profiles, (select count(*) from profiles where state = 'ACTIVE') as active,
      (select count(*) from accounts) as accounts, (select count(*) from representations) as reps,
      (select count(*) from push_devices) as devices`.execute(db)).rows[0]!;
    console.log(`${fr(Number(counts.profiles))} profils (${fr(Number(counts.active))} actifs, ${fr(Number(counts.accounts))} comptes, ` +
      `${fr(Number(counts.reps))} représentations, ${fr(Number(counts.devices))} appareils push) chargés en ${seconds(t).toFixed(1)} s`);
    const staff = await db.insertInto('staff_users').values({ kind: 'AGENT', identifiant: 'bench', password_hash: await hashPassword('Bench-2026-x!'),
      email: 'bench@cnam.test', display_name: 'Bench', site_id: null, locked_until: null }).returning('id').executeTakeFirstOrThrow();
    const agent = { kind: 'STAFF' as const, staffId: staff.id, role: 'AGENT' as const, name: 'Bench' };

    // 1. The targeting query, as the back-office preview runs it.
    const rules: CampaignRules = { minAge: 50, maxAge: 74, sex: 2, departements: [], history: null };
    t = Date.now();
    const preview = await previewPreventionCampaign(db, agent, rules, new Date());
    const previewSeconds = seconds(t);
    console.log(`Ciblage (aperçu « femmes de 50 à 74 ans ») : ${fr(preview)} profils comptés en ${previewSeconds.toFixed(2)} s — cible ≤ 60 s : ${verdict(previewSeconds <= 60)}`);

    // 2. The enqueue (in-app messages: targeting, opt-out and cap in one query per batch), then the fan-out
    // (messagerie conversation, email and push rows), each timed on its own.
    const runBoth = async (id: string, label: string) => {
      let t0 = Date.now();
      await enqueuePreventionMessages(db, id, { now: () => new Date() });
      const enqueueSeconds = seconds(t0);
      t0 = Date.now();
      await fanOutPreventionMessages(db, id, { now: () => new Date() });
      const fanOutSeconds = seconds(t0);
      const c = await db.selectFrom('prevention_campaigns').select(['delivered', 'emails', 'pushes']).where('id', '=', id).executeTakeFirstOrThrow();
      console.log(`${label} — mise en file (messages in-app) : ${fr(c.delivered)} messages en ${enqueueSeconds.toFixed(1)} s = ` +
        `${fr(c.delivered / enqueueSeconds)} messages/s — cible ≤ 60 s : ${verdict(enqueueSeconds <= 60)}`);
      console.log(`${label} — distribution (messagerie + ${fr(c.emails)} courriels + ${fr(c.pushes)} push préparés) : ${fanOutSeconds.toFixed(1)} s = ` +
        `${fr(c.delivered / fanOutSeconds)} profils/s`);
      return c;
    };
    const { campaignId } = await createPreventionCampaign(db, agent, { name: 'Dépistage organisé du cancer du sein', title: 'Le dépistage du cancer du sein vous concerne',
      body: 'Tous les deux ans, une mammographie prise en charge à 100 %.', teaser: 'Un message de l’Assurance Maladie vous attend.', rules }, new Date());
    await applyPreventionCommand(db, agent, campaignId, 'start', new Date());
    const c = await runBoth(campaignId, 'Campagne « femmes de 50 à 74 ans »');

    // 2b. National scale: every other ACTIVE profile (no rule; the 7-day cap leaves out those just messaged).
    if (process.env.BENCH_NATIONAL !== '0') {
      const national = await createPreventionCampaign(db, agent, { name: 'Campagne nationale', title: 'Mon espace santé et vous',
        body: 'Découvrez la rubrique Prévention.', teaser: 'Un message de l’Assurance Maladie vous attend.', rules: { minAge: null, maxAge: null, sex: null, departements: [], history: null } }, new Date());
      await applyPreventionCommand(db, agent, national.campaignId, 'start', new Date());
      await runBoth(national.campaignId, 'Campagne nationale (tous les autres profils actifs)');
      await applyPreventionCommand(db, agent, national.campaignId, 'pause', new Date());
    }

    // 3. Email teasers: the bulk sender (claims, leases, SENDING marks, merge, counters) next to a bare pooled
    // nodemailer send (Nagle off, STACK.md) of the same rendered teaser, same connections, same SMTP server.
    // Alternated in rounds so that a change of load on the machine weighs on both alike.
    const sample = Math.min(EMAILS, c.emails);
    const ROUNDS = 5;
    const teaser = 'Un message de l’Assurance Maladie vous attend.';
    const template = await renderTeaserTemplate({ teaser, appUrl: 'http://localhost:3000', holder: true });
    const transport = nodemailer.createTransport({
      pool: true, host: '127.0.0.1', port, secure: false, maxConnections: CONNECTIONS, maxMessages: Infinity,
      getSocket: (_o: unknown, cb: (err: Error | null, socket?: { connection: net.Socket }) => void) => { const s = net.connect(port, '127.0.0.1', () => cb(null, { connection: s })); s.setNoDelay(true); s.on('error', (e) => cb(e)); },
    } as nodemailer.TransportOptions);
    const sender = createBulkSender({ smtpUrl: `smtp://127.0.0.1:${port}`, size: CONNECTIONS, db });
    const before = await received();
    let bareSeconds = 0;
    let ourSeconds = 0;
    let bareSent = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const chunk = Math.ceil(sample / ROUNDS);
      t = Date.now();
      let next = 0;
      await Promise.all(Array.from({ length: CONNECTIONS * 2 }, async () => {
        for (let i = next++; i < chunk; i = next++) {
          const body = mergeTeaser(template, { profileFirstName: '', profileId: '' });
          await transport.sendMail({ from: 'ne-pas-repondre@mes.test', to: `bare${round}.${i}@exemple.fr`, ...body });
        }
      }));
      bareSeconds += seconds(t);
      bareSent += chunk;
      t = Date.now();
      await deliverEmails(db, sender, campaignId, { now: () => new Date(), appUrl: 'http://localhost:3000', from: 'Mon espace santé <ne-pas-repondre@mes.test>',
        teaser, leaseMs: 120_000, limit: chunk });
      ourSeconds += seconds(t);
    }
    transport.close();
    sender.close();
    const sent = (await db.selectFrom('prevention_campaigns').select('emails_sent').where('id', '=', campaignId).executeTakeFirstOrThrow()).emails_sent;
    const bareRate = bareSent / bareSeconds;
    const ourRate = sent / ourSeconds;
    console.log(`nodemailer seul (pool de ${CONNECTIONS}) : ${fr(bareSent)} courriels en ${bareSeconds.toFixed(1)} s = ${fr(bareRate)} courriels/s`);
    console.log(`Courriels d’accroche (échantillon plafonné à ${fr(sample)} sur ${fr(c.emails)}) : ${fr(sent)} en ${ourSeconds.toFixed(1)} s = ` +
      `${fr(ourRate)} courriels/s, RSS ${fr(process.memoryUsage().rss / 1024 / 1024)} Mo (reçus en tout par le serveur : ${fr((await received()) - before)})`);
    console.log(`Ratio au nodemailer seul : ${fr((ourRate / bareRate) * 100)} % — cible ≥ 50 % : ${verdict(ourRate / bareRate >= 0.5)}`);

    // 4. Pushes into the development sink (one row per device, idempotency key per push).
    t = Date.now();
    await deliverPushes(db, sinkPushProvider, campaignId, { now: () => new Date(), teaser: 'Un message de l’Assurance Maladie vous attend.', leaseMs: 120_000, limit: PUSHES, pushBatchSize: Math.min(500, PUSHES) });
    const pushSeconds = seconds(t);
    const pushed = (await db.selectFrom('prevention_campaigns').select('pushes_sent').where('id', '=', campaignId).executeTakeFirstOrThrow()).pushes_sent;
    console.log(`Push vers le puits de développement (échantillon plafonné à ${fr(PUSHES)} sur ${fr(c.pushes)}) : ${fr(pushed)} en ${pushSeconds.toFixed(1)} s = ${fr(pushed / pushSeconds)} push/s`);
  } finally {
    smtp.kill();
    await db.destroy();
    if (process.env.BENCH_KEEP_DB) console.log(`Base conservée : ${url}`);
    else await dropDatabase(url);
    await pg.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
