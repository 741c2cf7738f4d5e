import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { MissingServiceError, resolvePostgres, resolveRedis, stopChild, type Service } from './services';
import { ensureDatabase } from './database';

/**
 * `npm start`: one command for the whole demo. Finds or starts PostgreSQL and Redis, migrates and
 * seeds, builds when sources changed, then runs the local Pro Santé Connect, the web app and the worker.
 */
const root = process.cwd();
const dataDir = path.join(root, '.data');
mkdirSync(dataDir, { recursive: true });
const port = Number(process.env.PORT ?? 3000);
const children: ChildProcess[] = [];
const services: Service[] = [];

function demoSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  console.log('AUTH_SECRET : secret de démonstration généré dans .data/auth-secret (à remplacer en production).');
  return readFileSync(file, 'utf8').trim();
}

/** DOC-13: the demo's document master key, generated once and kept with the demo data. */
function demoMasterKey(): string {
  if (process.env.DOCUMENT_MASTER_KEY) return process.env.DOCUMENT_MASTER_KEY;
  const file = path.join(dataDir, 'document-master-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  console.log('DOCUMENT_MASTER_KEY : clé de démonstration générée dans .data/document-master-key (à remplacer en production).');
  return readFileSync(file, 'utf8').trim();
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const dirs = ['app', 'components', 'lib', 'emails', 'public', 'db'].map((d) => path.join(root, d)).filter(existsSync);
  const files = ['next.config.js', 'proxy.ts', 'package-lock.json', 'postcss.config.mjs'].map((f) => path.join(root, f)).filter(existsSync);
  return Math.max(...dirs.map(newestSource), ...files.map((f) => statSync(f).mtimeMs)) > built;
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { env, stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} s'est arrêté (code ${code ?? signal}). Arrêt de l'ensemble.`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

let stopping = false;
async function stopAll(code = 0): Promise<never> {
  stopping = true;
  await Promise.all(children.map((c) => stopChild(c)));
  for (const s of services) await s.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void stopAll());
process.on('SIGTERM', () => void stopAll());

async function main() {
  const pg = await resolvePostgres({ env: process.env.DATABASE_URL, dataDir, database: 'mes' });
  services.push(pg);
  const redis = await resolveRedis({ env: process.env.REDIS_URL, dataDir });
  services.push(redis);
  console.log(`PostgreSQL : ${pg.source === 'embedded' ? 'intégré (.data/postgres)' : pg.source === 'env' ? 'DATABASE_URL' : 'serveur local 5432'}`);
  console.log(`Redis : ${redis.source === 'embedded' ? 'redis-server lancé (.data/redis)' : redis.source === 'env' ? 'REDIS_URL' : 'serveur local 6379'}`);

  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const pscPort = Number(process.env.PSC_PORT ?? 9100);
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATABASE_URL: pg.url, REDIS_URL: redis.url, APP_URL: appUrl, AUTH_SECRET: demoSecret(), DOCUMENT_MASTER_KEY: demoMasterKey(),
    NEXT_TELEMETRY_DISABLED: '1', PSC_ISSUER: process.env.PSC_ISSUER ?? `http://localhost:${pscPort}`,
    PSC_REDIRECT_URIS: process.env.PSC_REDIRECT_URIS ?? `${appUrl}/api/auth/callback/psc`,
    // Without SMTP the demo keeps emails; visitors read their codes at /demo/courriels.
    ...(process.env.SMTP_URL ? {} : { MES_DEMO_MAILBOX: 'public' }),
  };
  Object.assign(process.env, env);

  await ensureDatabase(pg.url);
  const { getDb, closeDb } = await import('@/db/client');
  const { migrateToLatest } = await import('@/db/migrate');
  const { seed, DEMO } = await import('@/db/seed');
  const { PROFESSIONALS, DEMO_PASSWORD } = await import('@/lib/dev/pro-sante-connect/professionals');
  await migrateToLatest(getDb());
  const seeded = await seed(getDb());
  await closeDb();

  if (needsBuild()) {
    console.log('Construction de l’application (next build)…');
    const build = spawnSync('npx', ['next', 'build'], { env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('La construction a échoué (next build).');
  }

  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  if (!process.env.PSC_ISSUER) run('Pro Santé Connect (local)', tsx, ['lib/dev/pro-sante-connect/server.ts'], { ...env, PSC_PORT: String(pscPort) });
  run('Worker', tsx, ['jobs/worker.ts'], { ...env, NODE_ENV: 'production' });
  run('Web', path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port)], { ...env, NODE_ENV: 'production' });

  console.log(`
Mon espace santé est lancé : ${appUrl}

Comptes de démonstration (SMTP_URL absent : les courriels, codes compris, sont lisibles dans
le back-office, page « Courriels (environnement de démonstration) ») :
  Patiente (activée, mère de Léo)   ${appUrl}/connexion              ${DEMO.patient.identifiant} / ${DEMO.patient.password}
  Personne invitée (à activer)      ${appUrl}/activation             NIR ${seeded.pendingNir}, carte Vitale ${DEMO.pending.vitaleSerial},
                                                                       né le 14/11/1972, code provisoire ${DEMO.pending.code}${seeded.pendingState === 'PENDING' ? '' : ' (déjà activé)'}
  Enfant de Marie (à activer)       ${appUrl}/espace/enfants/activer  connectée comme Marie : code provisoire de ${DEMO.child.firstNames} ${DEMO.child.code}${seeded.childState === 'PENDING' ? '' : ' (déjà activé)'}
  Agent CNAM                        ${appUrl}/admin/connexion        ${DEMO.agent.identifiant} / ${DEMO.agent.password}
                                                                       (${DEMO.demoCampaign.people} assurés de la Haute-Vienne sans profil : campagne à lancer sur « ${DEMO.demoCampaign.departement} »)
  Superviseur CNAM                  ${appUrl}/admin/connexion        ${DEMO.supervisor.identifiant} / ${DEMO.supervisor.password}
  Conseillère France Services       ${appUrl}/accompagnement/connexion  ${DEMO.advisor.identifiant} / ${DEMO.advisor.password}
  Professionnels de santé (Pro Santé Connect local)   ${appUrl}/pro/connexion   RPPS ci-dessous / ${DEMO_PASSWORD}
${PROFESSIONALS.map((p) => `    RPPS ${p.rpps}   ${p.givenName} ${p.familyName}, ${p.libelleSavoirFaire || p.libelleProfession} (${p.activites.find((a) => a.numeroFinessEtablissement || a.codeSecteurActivite)?.raisonSocialeSite ?? p.city})`).join('\n')}
  ${DEMO.service.name} (API, HTTP Basic)   POST ${appUrl}/api/services/v1/measures   ${DEMO.service.clientId} / ${DEMO.service.clientSecret}
${DEMO.apiClients.map((c) => `  ${c.name} (API FHIR${c.facility ? ', établissement' : ''})   POST ${appUrl}/api/oauth/token   ${c.clientId} / ${c.clientSecret}`).join('\n')}
Chaque connexion demande aussi un code à 6 chiffres envoyé par courriel${process.env.SMTP_URL ? '.' : ` : lisez-le sur ${appUrl}/demo/courriels.`}
`);
}

main().catch(async (error) => {
  console.error(error instanceof MissingServiceError ? error.message : error);
  await stopAll(1);
});
