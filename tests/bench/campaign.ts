/**
 * Campaign benchmark (`npm run bench:campaign`):
 * 1. 1 M eligible people (BENCH_PEOPLE) → start a campaign: SQL selection + enqueue. Target ≤ 60 s.
 * 2. 100 000 notices (BENCH_SENDS) through the real dispatcher (profiles, codes, traces, rendering,
 *    SMTP) to a local SMTP server, next to a bare nodemailer pooled send of the same number of
 *    pre-rendered messages to the same server in the same run. Target ≥ 50 % of the bare rate.
 */
import { fork } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { sql } from 'kysely';
import { createDb } from '@/db/client';
import { migrateToLatest } from '@/db/migrate';
import { dispatchCampaign } from '@/lib/campaigns/dispatch';
import { applyCampaignCommand, createCampaign } from '@/lib/campaigns/manage';
import { renderNoticeTemplate, personalize } from '@/lib/campaigns/notice-template';
import { createBulkSender } from '@/lib/notifications/bulk-sender';
import { hashPassword } from '@/lib/auth/passwords';
import { dropDatabase, ensureDatabase } from '@/lib/runtime/database';
import { resolvePostgres } from '@/lib/runtime/services';
import { withDatabase } from '../support/test-env';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 1_000_000);
const SENDS = Number(process.env.BENCH_SENDS ?? 100_000);
const CONNECTIONS = 8;
process.env.AUTH_SECRET ??= 'bench-secret-for-the-campaign-benchmark-0123456';
const fr = (n: number, d = 0) => n.toLocaleString('fr-FR', { maximumFractionDigits: d });

async function main() {
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir: path.join(process.cwd(), '.data'), database: 'postgres' });
  const url = withDatabase(pg.url, `mes_bench_campaign_${Date.now().toString(36)}`);
  await ensureDatabase(url);
  const db = createDb(url, 6);
  const smtp = fork(path.join(import.meta.dirname, 'smtp-counter.ts'), { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const port = await new Promise<number>((resolve) => smtp.once('message', (m: { port: number }) => resolve(m.port)));
  const received = () => new Promise<number>((resolve) => { smtp.once('message', (m: { total: number }) => resolve(m.total)); smtp.send('count'); });
  try {
    await migrateToLatest(db);
    const people = (dep: string, n: number, offset: number) => sql`insert into insured_people (nir, vitale_serial, birth_name, first_names,
        birth_date, sex, birth_place, departement, email, postal_address, row_hash)
      select '1' || lpad((g + ${offset})::text, 14, '0'), '12345678901', 'NOM', 'Prénom' || (g + ${offset}), date '1950-01-01' + (g % 18000), 1 + g % 2,
        '75056', ${dep}, 'p' || (g + ${offset}) || '@exemple.fr', '1 rue de la Paix, 75002 Paris', 'x'
      from generate_series(1, ${n}) g`.execute(db);
    let t = Date.now();
    await people('23', PEOPLE, 0);
    await people('87', SENDS, PEOPLE);
    await sql`analyze insured_people`.execute(db);
    console.log(`${fr(PEOPLE + SENDS)} personnes assurées chargées en ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const staff = await db.insertInto('staff_users').values({ kind: 'AGENT', identifiant: 'bench', password_hash: await hashPassword('Bench-2026-x!'),
      email: 'bench@cnam.test', display_name: 'Bench', site_id: null, locked_until: null }).returning('id').executeTakeFirstOrThrow();
    const agent = { kind: 'STAFF' as const, staffId: staff.id, role: 'AGENT' as const, name: 'Bench' };

    // 1. Selection and enqueue of 1 M recipients.
    const big = await createCampaign(db, agent, { name: 'Creuse', departements: ['23'], birthsSince: null }, new Date());
    t = Date.now();
    await applyCampaignCommand(db, agent, big.campaignId, 'start', new Date());
    const selectSeconds = (Date.now() - t) / 1000;
    const selected = await db.selectFrom('campaigns').select('selected').where('id', '=', big.campaignId).executeTakeFirstOrThrow();
    console.log(`Sélection + mise en file : ${fr(selected.selected)} destinataires en ${selectSeconds.toFixed(1)} s ` +
      `(${fr(selected.selected / selectSeconds)} /s) — cible ≤ 60 s : ${selectSeconds <= 60 ? 'OK' : 'EN DESSOUS DE LA CIBLE'}`);
    await applyCampaignCommand(db, agent, big.campaignId, 'cancel', new Date());

    // 2a. Bare nodemailer, pooled, Nagle off (STACK.md), same connections, pre-rendered messages.
    const template = await renderNoticeTemplate({ child: false, appUrl: 'http://localhost:3000', lastOppositionDay: 'mardi 12 janvier 2027', codeExpiresAt: new Date() });
    const transport = nodemailer.createTransport({
      pool: true, host: '127.0.0.1', port, secure: false, maxConnections: CONNECTIONS, maxMessages: Infinity,
      getSocket: (_o: unknown, cb: (err: Error | null, socket?: { connection: net.Socket }) => void) => { const s = net.connect(port, '127.0.0.1', () => cb(null, { connection: s })); s.setNoDelay(true); s.on('error', (e) => cb(e)); },
    } as nodemailer.TransportOptions);
    const before = await received();
    t = Date.now();
    let next = 0;
    await Promise.all(Array.from({ length: CONNECTIONS * 2 }, async () => {
      for (let i = next++; i < SENDS; i = next++) {
        const body = personalize(template, { firstName: `Prénom${i}`, childFirstName: '', code: 'ABCD2345' });
        await transport.sendMail({ from: 'ne-pas-repondre@mes.test', to: `bare${i}@exemple.fr`, ...body });
      }
    }));
    const bareSeconds = (Date.now() - t) / 1000;
    transport.close();
    const bareRate = SENDS / bareSeconds;
    console.log(`nodemailer seul (pool de ${CONNECTIONS}) : ${fr(SENDS)} courriels en ${bareSeconds.toFixed(1)} s = ${fr(bareRate)} courriels/s ` +
      `(reçus : ${fr((await received()) - before)})`);

    // 2b. The real dispatcher on a campaign of SENDS recipients.
    const small = await createCampaign(db, agent, { name: 'Haute-Vienne', departements: ['87'], birthsSince: null }, new Date());
    await applyCampaignCommand(db, agent, small.campaignId, 'start', new Date());
    const sender = createBulkSender({ smtpUrl: `smtp://127.0.0.1:${port}`, size: CONNECTIONS, db });
    const before2 = await received();
    t = Date.now();
    await dispatchCampaign(db, sender, small.campaignId, { now: () => new Date(), from: 'Mon espace santé <ne-pas-repondre@mes.test>',
      appUrl: 'http://localhost:3000', lettersDir: path.join(os.tmpdir(), 'mes-bench-letters') });
    const ourSeconds = (Date.now() - t) / 1000;
    sender.close();
    const ourRate = SENDS / ourSeconds;
    const rss = process.memoryUsage().rss / 1024 / 1024;
    console.log(`Campagne (profils, codes, traces, envoi) : ${fr(SENDS)} avis en ${ourSeconds.toFixed(1)} s = ${fr(ourRate)} avis/s ` +
      `(reçus : ${fr((await received()) - before2)}), RSS ${fr(rss)} Mo`);
    const ratio = ourRate / bareRate;
    console.log(`Ratio au nodemailer seul : ${fr(ratio * 100)} % — cible ≥ 50 % : ${ratio >= 0.5 ? 'OK' : 'EN DESSOUS DE LA CIBLE'}`);
  } finally {
    smtp.kill();
    await db.destroy();
    await dropDatabase(url);
    await pg.stop();
  }
}

main().catch((error) => { console.error(error); process.exit(1); });
