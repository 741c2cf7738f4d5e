import { sql } from 'kysely';
import type { Db } from './client';
import { recordAccess } from '@/lib/audit/record-access';
import { hashCode } from '@/lib/accounts/issue-code';
import { codeExpiresAt } from '@/lib/auth/codes';
import { hashPassword } from '@/lib/auth/passwords';
import { nirKey } from '@/lib/identity/nir';
import { SYSTEM } from '@/lib/access/actor';
import { ensureDemoDocuments, LEO_DOCUMENTS, MARIE_DOCUMENTS } from './seed-documents';
import { ensureDemoEpisodes, LEO_EPISODES, MARIE_EPISODES } from './seed-care-history';
import { registerService } from '@/lib/services/register-service';
import { insertApiClient } from '@/lib/api-clients/register-client';
import { MEASURES_WRITE } from '@/lib/services/status';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { ensurePreventionCalendars } from '@/lib/prevention/calendar-store';
import { upsertProfessional } from '@/lib/auth/professional-login';
import { PROFESSIONALS, pscClaims } from '@/lib/dev/pro-sante-connect/professionals';

/**
 * Demo data, idempotent: running it again changes nothing (it only adds what is missing).
 * Returns what the start command prints: the demo accounts and their secrets.
 */
export const DEMO = {
  patient: { identifiant: 'marie.dupont', password: 'Sante-Demo-2026!', email: 'marie.dupont@exemple.fr' },
  pending: { nirBody: '1721169123045', vitaleSerial: '12345678901', birthDate: '1972-11-14', code: 'ACTV2345', email: 'jean.martin@exemple.fr' },
  /** Marie's second child: its notice came to her; she activates it from her account (REP-2). */
  child: { nirBody: '2190975056088', firstNames: 'Jade', birthDate: '2019-09-09', code: 'ENFT2345' },
  /** Insured people of the Haute-Vienne (87) with no profile yet: a campaign to run in the demo (BO-1). */
  demoCampaign: { departement: '87', people: 40, withoutEmail: 5 },
  agent: { identifiant: 'agent.cnam', password: 'Agent-Demo-2026!', email: 'agent@cnam.exemple.fr' },
  supervisor: { identifiant: 'superviseur.cnam', password: 'Superviseur-Demo-2026!', email: 'superviseur@cnam.exemple.fr' },
  advisor: { identifiant: 'conseiller.fs', password: 'Conseil-Demo-2026!', email: 'conseiller@france-services.exemple.fr' },
  /** CAT-3, MEA-8: a connected scale; its client credentials call POST /api/services/v1/measures. */
  service: { name: 'Balance connectée Exemple', clientId: 'balance-connectee-exemple', clientSecret: 'Balance-Demo-2026-7f3kQ9xL2p' },
  /** PRO-1, PRO-2: professional software for the FHIR API (client credentials at POST /api/oauth/token). */
  apiClients: [
    { name: 'Logiciel de cabinet (démo)', editor: 'Éditeur de démonstration', clientId: 'demo-cabinet', clientSecret: 'Cabinet-Demo-2026-q8Zt4mW2', facility: null },
    { name: 'DPI Hôpital (démo)', editor: 'Éditeur de démonstration', clientId: 'demo-hopital', clientSecret: 'Hopital-Demo-2026-v5Rk7nX3',
      facility: { finess: '750712184', name: 'Centre hospitalier de démonstration' } },
  ],
} as const;

const nir = (body: string) => body + nirKey(body);

async function ensureProfile(db: Db, p: { nir: string; serial: string; birthName: string; firstNames: string; birthDate: string; sex: number; email: string | null; kind: 'ADULT' | 'CHILD'; state: 'ACTIVE' | 'PENDING' }, now: Date): Promise<string> {
  const found = await db.selectFrom('profiles').select('id').where('nir', '=', p.nir).executeTakeFirst();
  if (found) return found.id;
  return db.transaction().execute(async (trx) => {
    const row = await trx.insertInto('profiles').values({
      nir: p.nir, vitale_serial: p.serial, birth_name: p.birthName, first_names: p.firstNames, birth_date: p.birthDate,
      sex: p.sex, birth_place: null, email: p.email, kind: p.kind, state: p.state, previous_state: null, state_changed_at: now,
      notice_sent_at: now, opposition_deadline: null, activation_last_failure_at: null,
      activated_at: p.state === 'ACTIVE' ? now : null, // HIS-4
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor: { ...SYSTEM, job: 'seed' }, action: 'profile.create', profileId: row.id, at: now, channel: 'WORKER' });
    if (p.state === 'ACTIVE') await recordAccess(trx, { actor: { kind: 'ENROLMENT' }, action: 'profile.activate', profileId: row.id, at: now });
    return row.id;
  });
}

/** ID-6: the birthplace trait (INSEE COG code), set once: a later correction is kept. */
async function ensureBirthPlace(db: Db, profileId: string, cog: string): Promise<void> {
  await db.updateTable('profiles').set({ birth_place: cog }).where('id', '=', profileId).where('birth_place', 'is', null).execute();
}

/** CMP-7: the demo code, stored hashed like any other, renewed when it expired or was replaced. */
async function ensureCode(db: Db, profileId: string, code: string, now: Date): Promise<void> {
  const usable = await db.selectFrom('activation_codes').select('id').where('profile_id', '=', profileId)
    .where('code_hash', '=', hashCode(code)).where('used_at', 'is', null).where('invalidated_at', 'is', null)
    .where('expires_at', '>', now).executeTakeFirst();
  if (usable) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('activation_codes').set({ invalidated_at: now }).where('profile_id', '=', profileId).where('used_at', 'is', null).execute();
    await trx.insertInto('activation_codes').values({ profile_id: profileId, code_hash: hashCode(code), issued_at: now, expires_at: codeExpiresAt(now) }).execute();
  });
}

type InsuredSeed = { nir: string; first_names: string; birth_date: string; sex: number; email: string | null; parent_nir: string | null; departement: string };
/** BO-1: people as a population import would have loaded them (only those missing are added). */
async function ensureInsured(db: Db, people: InsuredSeed[], now: Date): Promise<void> {
  await db.insertInto('insured_people').values(people.map((p) => ({
    ...p, vitale_serial: '98765432101', birth_name: p.departement === '87' ? 'LIMOUSIN' : 'DUPONT', birth_place: '75056', mobile: null,
    postal_address: p.departement === '87' ? '1 place de la République, 87000 Limoges' : '10 rue de la Santé, 75013 Paris', ase: false, has_dmp: false,
    row_hash: 'seed', last_import_id: null, updated_at: now,
  }))).onConflict((oc) => oc.column('nir').doNothing()).execute();
}

async function ensureStaff(db: Db, s: { identifiant: string; password: string; email: string }, kind: 'AGENT' | 'SUPERVISOR' | 'ADVISOR', name: string, siteId: string | null) {
  const found = await db.selectFrom('staff_users').select('id').where(sql`lower(identifiant)`, '=', s.identifiant).executeTakeFirst();
  if (found) return;
  await db.insertInto('staff_users').values({
    kind, identifiant: s.identifiant, password_hash: await hashPassword(s.password), email: s.email, display_name: name, site_id: siteId, locked_until: null,
  }).execute();
}

/** CAT-1, CAT-3: the demo service, EN_LIGNE, with a mandatory and an optional purpose (added once). */
async function ensureDemoService(db: Db) {
  const found = await db.selectFrom('connected_services').select('id').where('client_id', '=', DEMO.service.clientId).executeTakeFirst();
  if (found) return;
  await registerService(db, {
    name: DEMO.service.name, clientId: DEMO.service.clientId, clientSecret: DEMO.service.clientSecret,
    description: 'Une balance qui envoie votre poids à chaque pesée. Service de démonstration.',
    purposes: [
      { code: MEASURES_WRITE, label: 'Envoyer dans Mon espace santé le poids mesuré à chaque pesée', mandatory: true },
      { code: 'MEASURES_READ', label: 'Lire vos mesures de poids et de taille enregistrées dans Mon espace santé, pour afficher votre évolution dans l’application', mandatory: false },
    ],
  });
}

/** PRO-1, PRO-2: the demo software, registered once (by client id) with their fixed demo secrets. */
async function ensureDemoApiClients(db: Db, now: Date) {
  for (const c of DEMO.apiClients) {
    const found = await db.selectFrom('api_clients').select('id').where('client_id', '=', c.clientId).executeTakeFirst();
    if (!found) await insertApiClient(db, { ...c, createdBy: null }, now);
  }
}

export async function seed(db: Db, now = new Date()) {
  const site = await db.insertInto('france_services_sites').values({ name: 'France Services de Guéret', commune: 'Guéret', departement: '23' })
    .onConflict((oc) => oc.column('name').doUpdateSet({ commune: 'Guéret' })).returning('id').executeTakeFirstOrThrow();
  await ensureStaff(db, DEMO.agent, 'AGENT', 'Sophie Lambert (CPAM)', null);
  await ensureStaff(db, DEMO.supervisor, 'SUPERVISOR', 'Karim Benali (CPAM)', null);
  await ensureStaff(db, DEMO.advisor, 'ADVISOR', 'Lucie Moreau (France Services)', site.id);

  // PRO-1: the professionals are those of the local Pro Santé Connect, stored as a login would store them.
  const professionalIds = new Map<string, string>();
  for (const pro of PROFESSIONALS) {
    const row = await upsertProfessional(db, pscClaims(pro), null);
    await db.updateTable('professionals').set({ city: pro.city }).where('id', '=', row.id).execute();
    professionalIds.set(pro.rpps, row.id);
  }

  // An ACTIVE adult with an account, parent principal of an ACTIVE child (REP-2).
  const marie = await ensureProfile(db, { nir: nir('2850375056017'), serial: '98765432101', birthName: 'DUPONT', firstNames: 'Marie Claire',
    birthDate: '1985-03-21', sex: 2, email: DEMO.patient.email, kind: 'ADULT', state: 'ACTIVE' }, now);
  const leo = await ensureProfile(db, { nir: nir('1150675056123'), serial: '98765432101', birthName: 'DUPONT', firstNames: 'Léo',
    birthDate: '2015-06-02', sex: 1, email: null, kind: 'CHILD', state: 'ACTIVE' }, now);
  let account = await db.selectFrom('accounts').select('id').where('profile_id', '=', marie).executeTakeFirst();
  if (!account) {
    account = await db.insertInto('accounts').values({
      profile_id: marie, identifiant: DEMO.patient.identifiant, password_hash: await hashPassword(DEMO.patient.password),
      email: DEMO.patient.email, email_verified_at: now, locked_until: null, last_login_at: null,
    }).returning('id').executeTakeFirstOrThrow();
  }
  await db.insertInto('representations').values({ account_id: account.id, profile_id: leo, role: 'PARENT_PRINCIPAL', granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null })
    .onConflict((oc) => oc.columns(['account_id', 'profile_id']).where('revoked_at', 'is', null).doNothing()).execute();

  // ID-6, ID-8: the fifth INS trait (birthplace, INSEE COG) so a professional can find them by INS; PRO-3, EMG-6: Marie's médecin traitant.
  await ensureBirthPlace(db, marie, '75056');
  await ensureBirthPlace(db, leo, '75056');
  await db.updateTable('profiles').set({ declared_gp_id: professionalIds.get('10100000001')! }).where('id', '=', marie)
    .where('declared_gp_id', 'is', null).execute();

  await ensureDemoDocuments(db, marie, MARIE_DOCUMENTS, now);
  await ensureDemoDocuments(db, leo, LEO_DOCUMENTS, now);
  await ensureDemoEpisodes(db, marie, MARIE_EPISODES);
  await ensureDemoEpisodes(db, leo, LEO_EPISODES);
  // MSG-3(b): two demo pharmacies with an organisational mailbox; Marie had a reimbursed dispensation at the first one 2 months ago.
  await db.insertInto('pharmacies').values([
    { finess: '750000011', name: 'Pharmacie du Marché', city: 'Paris 11e', organisational_mailbox: true },
    { finess: '750000029', name: 'Grande Pharmacie de la Gare', city: 'Paris 10e', organisational_mailbox: true },
  ]).onConflict((oc) => oc.column('finess').doNothing()).execute();
  await db.insertInto('care_episodes').values({ profile_id: marie, claim_line_id: 'demo-marie-pharma-0001', category: 'MEDICINE',
    care_date: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10), label: 'Paracétamol 1 g, comprimé', prescriber_specialty: 'Médecine générale',
    dispenser_finess: '750000011', import_id: null }).onConflict((oc) => oc.column('claim_line_id').doNothing()).execute();

  // A PENDING person with a known code provisoire, to try the activation.
  const jean = await ensureProfile(db, { nir: nir(DEMO.pending.nirBody), serial: DEMO.pending.vitaleSerial, birthName: 'MARTIN',
    firstNames: 'Jean', birthDate: DEMO.pending.birthDate, sex: 1, email: DEMO.pending.email, kind: 'ADULT', state: 'PENDING' }, now);
  await ensureBirthPlace(db, jean, '69123');
  const state = await db.selectFrom('profiles').select('state').where('id', '=', jean).executeTakeFirstOrThrow();
  if (state.state === 'PENDING') await ensureCode(db, jean, DEMO.pending.code, now);

  // REP-2: Marie and her children as the fund knows them; Jade waits for Marie to activate her profile.
  const marieNir = nir('2850375056017');
  const jadeNir = nir(DEMO.child.nirBody);
  await ensureInsured(db, [
    { nir: marieNir, first_names: 'Marie Claire', birth_date: '1985-03-21', sex: 2, email: DEMO.patient.email, parent_nir: null, departement: '75' },
    { nir: nir('1150675056123'), first_names: 'Léo', birth_date: '2015-06-02', sex: 1, email: null, parent_nir: marieNir, departement: '75' },
    { nir: jadeNir, first_names: DEMO.child.firstNames, birth_date: DEMO.child.birthDate, sex: 2, email: null, parent_nir: marieNir, departement: '75' },
  ], now);
  const jade = await ensureProfile(db, { nir: jadeNir, serial: '98765432101', birthName: 'DUPONT', firstNames: DEMO.child.firstNames,
    birthDate: DEMO.child.birthDate, sex: 2, email: DEMO.patient.email, kind: 'CHILD', state: 'PENDING' }, now);
  await ensureBirthPlace(db, jade, '75056');
  const jadeState = await db.selectFrom('profiles').select('state').where('id', '=', jade).executeTakeFirstOrThrow();
  if (jadeState.state === 'PENDING') await ensureCode(db, jade, DEMO.child.code, now);

  // BO-1: a small population of the Haute-Vienne for a first campaign (Limoges: commune 87085).
  const demoCampaign = Array.from({ length: DEMO.demoCampaign.people }, (_, i) => {
    const body = `${1 + (i % 2)}${String(50 + (i % 40)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}87085${String(100 + i).padStart(3, '0')}`;
    return { nir: nir(body), first_names: ['Louise', 'Jules', 'Emma', 'Hugo', 'Alice', 'Lucas', 'Chloé', 'Nathan'][i % 8]! + (i >= 8 ? ` ${String.fromCharCode(65 + (i % 26))}.` : ''),
      birth_date: `19${String(50 + (i % 40)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`,
      sex: 1 + (i % 2), email: i < DEMO.demoCampaign.withoutEmail ? null : `habitant.limoges.${i}@exemple.fr`, parent_nir: null, departement: DEMO.demoCampaign.departement };
  });
  await ensureInsured(db, demoCampaign, now);
  await ensureDemoService(db);
  await ensureDemoApiClients(db, now);
  await ensureDefaultMatrix(db); // PRO-9: version 1 of the matrice d'habilitation
  await ensurePreventionCalendars(db); // PRV-1..4: every calendar edition (idempotent)
  return { pendingNir: nir(DEMO.pending.nirBody), pendingState: state.state, childState: jadeState.state };
}

if (process.argv[1]?.endsWith('seed.ts')) {
  const { getDb, closeDb } = await import('./client');
  await seed(getDb());
  console.log('Données de démonstration en place.');
  await closeDb();
}
