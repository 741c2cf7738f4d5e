import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor } from '@/lib/access/actor';
import type { ProContext } from '@/lib/access/document-access';
import { careHistoryRejectionReport } from '@/lib/care-history/imports-read';
import { listCareEpisodes } from '@/lib/care-history/list-episodes';
import { registerCareHistoryImport } from '@/lib/care-history/register-import';
import { runCareHistoryImport } from '@/lib/care-history/run-import';
import { AccessDeniedError } from '@/lib/errors';
import { processImport } from '@/jobs/imports';
import { aNir, aPendingPerson, aStaffMember, anActivePatient } from '../factories';

const db = getDb();
const dir = mkdtempSync(path.join(tmpdir(), 'mes-care-history-'));
afterAll(() => closeDb());
const TODAY = '2026-11-28';
const now = new Date('2026-11-28T10:00:00Z');
const HEADER = 'identifiant_ligne;nir;date_soins;categorie;libelle;specialite_prescripteur;acte_confidentiel_mineur';

const holderOf = (p: { accountId: string; profileId: string }): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });
const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère' };
const line = (id: string, nir: string, date: string, category: string, label: string, confidential = 'non', specialty = 'Médecine générale') =>
  `${id};${nir};${date};${category};${label};${specialty};${confidential}`;

let fileCount = 0;
/** Writes the lines as a feed file, registers it as an agent would, and runs the import. */
async function importLines(lines: string[]) {
  const file = path.join(dir, `feed-${++fileCount}.csv`);
  writeFileSync(file, [HEADER, ...lines].join('\n'));
  const { importId } = await registerCareHistoryImport(db, await aStaffMember(db), { filename: `feed-${fileCount}.csv`, path: file }, now);
  await runCareHistoryImport(db, importId, TODAY);
  const row = await db.selectFrom('care_history_imports').selectAll().where('id', '=', importId).executeTakeFirstOrThrow();
  return { ...row, file };
}
const claimIds = async (profileId: string) => (await db.selectFrom('care_episodes').select('claim_line_id').where('profile_id', '=', profileId)
  .orderBy('claim_line_id').execute()).map((e) => e.claim_line_id);
const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'actor_id', 'mode'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
async function report(importId: string) {
  const rows: [number, string, string][] = [];
  for await (const r of careHistoryRejectionReport(db, await aStaffMember(db), importId, now)) rows.push([r.line_no, r.column_name, r.reason]);
  return rows;
}
/** A minor's profile as the fund created it (REP-7 style: CREATED, no account). */
async function aMinorProfile(birthDate: string) {
  const [year, month] = birthDate.split('-').map(Number);
  const nir = aNir({ sex: 2, year, month });
  const row = await db.insertInto('profiles').values({ nir, vitale_serial: '12345678901', birth_name: 'MINEURE', first_names: 'Inès',
    birth_date: birthDate, sex: 2, birth_place: null, email: null, kind: 'CHILD', state: 'CREATED', previous_state: 'PENDING',
    state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  return { profileId: row.id, nir };
}

describe('HIS-1..3: the reimbursement feed builds Mon histoire de santé', () => {
  test('HIS-1, HIS-2: an import adds one episode per claim line; the holder reads them by year, newest first, filtered by category', async () => {
    const patient = await anActivePatient(db);
    const done = await importLines([
      line('his1-a', patient.nir, '14/01/2026', 'MEDICINE', 'Ibuprofène 400 mg'),
      line('his1-b', patient.nir, '03/03/2026', 'RADIOLOGY', 'Radiographie du genou', 'non', ''),
      line('his1-c', patient.nir, '17/10/2025', 'vaccine', 'Vaccin contre la grippe'),
    ]);
    expect(done).toMatchObject({ status: 'DONE', lines_read: 3, accepted: 3, inserted: 3, already_known: 0, withheld: 0, rejected: 0 });
    const listed = await listCareEpisodes(db, holderOf(patient), patient.profileId, {}, now);
    expect(listed.years.map((y) => [y.year, y.episodes.map((e) => e.label)])).toEqual([
      ['2026', ['Radiographie du genou', 'Ibuprofène 400 mg']], ['2025', ['Vaccin contre la grippe']]]);
    expect(listed.years[0]!.episodes[0]).toMatchObject({ careDate: '2026-03-03', category: 'RADIOLOGY', prescriberSpecialty: null });
    const vaccines = await listCareEpisodes(db, holderOf(patient), patient.profileId, { category: 'VACCINE' }, now);
    expect(vaccines.years.flatMap((y) => y.episodes.map((e) => e.label))).toEqual(['Vaccin contre la grippe']);
    // AUD-1: one trace per import run, on the global chain with the agent; none per episode on the profile.
    const runTrace = await db.selectFrom('access_events').select(['profile_id', 'actor_type', 'outcome'])
      .where('action', '=', 'care-history.import').where('target_id', '=', done.id).execute();
    expect(runTrace).toEqual([{ profile_id: null, actor_type: 'SUPPORT', outcome: 'OK' }]);
    expect(await tracesOf(patient.profileId, 'care-history.read')).toEqual([]);
  });

  test('HIS-3: re-importing the same file adds nothing; a new line of a later file is added once', async () => {
    const patient = await anActivePatient(db);
    const lines = [line('his3-a', patient.nir, '02/02/2026', 'BIOLOGY', 'Bilan sanguin'), line('his3-b', patient.nir, '02/02/2026', 'MEDICINE', 'Paracétamol')];
    await importLines(lines);
    const again = await importLines(lines);
    expect(again).toMatchObject({ status: 'DONE', accepted: 2, inserted: 0, already_known: 2, rejected: 0 });
    const later = await importLines([...lines, line('his3-c', patient.nir, '05/02/2026', 'MEDICAL_DENTAL_CARE', 'Consultation')]);
    expect(later).toMatchObject({ inserted: 1, already_known: 2 });
    expect(await claimIds(patient.profileId)).toEqual(['his3-a', 'his3-b', 'his3-c']);
  });

  test('HIS-3: the outbox hands the import to the `imports` queue processor, which runs it once', async () => {
    const patient = await anActivePatient(db);
    const file = path.join(dir, 'queued.csv');
    writeFileSync(file, `${HEADER}\n${line('his3-q', patient.nir, '02/02/2026', 'BIOLOGY', 'Bilan sanguin')}\n`);
    const { importId } = await registerCareHistoryImport(db, await aStaffMember(db), { filename: 'queued.csv', path: file }, now);
    const outbox = await db.selectFrom('outbox').select(['id', 'kind']).where(sql<boolean>`payload->>'importId' = ${importId}`).executeTakeFirstOrThrow();
    expect(outbox.kind).toBe('care-history-import');
    expect(await processImport(db, { outboxId: outbox.id }, now)).toBe('done');
    expect(await processImport(db, { outboxId: outbox.id }, now)).toBe('skipped');
    expect(await claimIds(patient.profileId)).toEqual(['his3-q']);
  });
});

describe('HIS-6: confidential acts of minors are never stored', () => {
  test('HIS-6, REP-8: a confidential act before the 18th birthday is dropped everywhere; from the birthday on it is stored', async () => {
    // Born 29 Feb 2008: of age on 1 Mar 2026 (REP-8, non-leap year).
    const minor = await aMinorProfile('2008-02-29');
    const done = await importLines([
      line('his6-conf-minor', minor.nir, '28/02/2026', 'MEDICAL_DENTAL_CARE', 'Consultation contraception', 'oui'),
      line('his6-conf-adult', minor.nir, '01/03/2026', 'MEDICAL_DENTAL_CARE', 'Consultation', 'oui'),
      line('his6-plain-minor', minor.nir, '28/02/2026', 'VACCINE', 'Vaccin HPV'),
    ]);
    expect(done).toMatchObject({ status: 'DONE', lines_read: 3, accepted: 3, inserted: 2, withheld: 1, rejected: 0 });
    expect(await claimIds(minor.profileId)).toEqual(['his6-conf-adult', 'his6-plain-minor']);
    // Nowhere else: not in the episodes of anybody, not in the staging, not in the report, and the file is gone.
    expect(await db.selectFrom('care_episodes').select('id').where('claim_line_id', '=', 'his6-conf-minor').execute()).toEqual([]);
    expect(await sql`select 1 from care_history_staging where import_id = ${done.id}`.execute(db).then((r) => r.rows)).toEqual([]);
    expect(await report(done.id)).toEqual([]);
    expect(existsSync(done.file)).toBe(false);
  });

  test('HIS-6: a claim line an earlier feed brought is removed when the fund flags it confidential for a minor', async () => {
    const minor = await aMinorProfile('2012-05-10');
    await importLines([line('his6-late-flag', minor.nir, '10/01/2026', 'MEDICINE', 'Médicament')]);
    expect(await claimIds(minor.profileId)).toEqual(['his6-late-flag']);
    const flagged = await importLines([line('his6-late-flag', minor.nir, '10/01/2026', 'MEDICINE', 'Médicament', 'oui')]);
    expect(flagged).toMatchObject({ withheld: 1, inserted: 0 });
    expect(await claimIds(minor.profileId)).toEqual([]);
  });
});

describe('HIS-1: rejected lines are reported in French, nothing else changes', () => {
  test('HIS-1, ACC-3: unknown NIRs, profiles not fed in their state, file duplicates and bad values are reported by line and column', async () => {
    const patient = await anActivePatient(db);
    const pending = await aPendingPerson(db, now);
    const unknown = aNir();
    const done = await importLines([
      line('rej-ok', patient.nir, '02/02/2026', 'BIOLOGY', 'Bilan sanguin'),
      line('rej-unknown', unknown, '02/02/2026', 'BIOLOGY', 'Bilan sanguin'),
      line('rej-pending', pending.nir, '02/02/2026', 'BIOLOGY', 'Bilan sanguin'),
      line('rej-ok', patient.nir, '02/02/2026', 'BIOLOGY', 'Bilan sanguin'),
      line('rej-bad', patient.nir, '02/02/2030', 'DENTAIRE', 'Soin', 'peut-être'),
    ]);
    expect(done).toMatchObject({ status: 'DONE', lines_read: 5, accepted: 1, inserted: 1, rejected: 4 });
    const rows = await report(done.id);
    const find = (l: number, column: string) => rows.find(([n, c]) => n === l && c === column)?.[2];
    expect(find(3, 'nir')).toBe('NIR inconnu : aucun profil Mon espace santé pour ce bénéficiaire.');
    expect(find(4, 'nir')).toContain('pas encore créé');
    expect(find(5, 'identifiant_ligne')).toBe('Identifiant de ligne en double dans le fichier (déjà présent ligne 2).');
    expect(find(6, 'date_soins')).toBe('La date des soins est dans le futur.');
    expect(find(6, 'categorie')).toContain('Catégorie inconnue');
    expect(find(6, 'acte_confidentiel_mineur')).toBe('Valeur attendue : « oui » ou « non ».');
    expect(await claimIds(pending.profileId)).toEqual([]);
  });

  test('HIS-1: a file without the required columns fails as a whole with a French message', async () => {
    const file = path.join(dir, 'columns.csv');
    writeFileSync(file, 'identifiant_ligne;nir\nx;y\n');
    const { importId } = await registerCareHistoryImport(db, await aStaffMember(db), { filename: 'columns.csv', path: file }, now);
    expect(await runCareHistoryImport(db, importId, TODAY)).toBe('failed');
    const row = await db.selectFrom('care_history_imports').select(['status', 'error']).where('id', '=', importId).executeTakeFirstOrThrow();
    expect(row.status).toBe('FAILED');
    expect(row.error).toContain('Colonnes obligatoires absentes de l’en-tête : date_soins, categorie, libelle, acte_confidentiel_mineur');
  });
});

describe('HIS-1, REP-5, FS-4, AUD-1: who reads Mon histoire de santé', () => {
  test('REP-5: a representative reads the child’s history (?profil=)', async () => {
    const parentAccount = await anActivePatient(db);
    const child = await aMinorProfile('2015-06-02');
    await importLines([line('rep5-a', child.nir, '10/06/2026', 'VACCINE', 'Vaccin DTP')]);
    const representative: PatientActor = { ...holderOf(parentAccount), representedProfileIds: [child.profileId] };
    const listed = await listCareEpisodes(db, representative, child.profileId, {}, now);
    expect(listed.profile.own).toBe(false);
    expect(listed.years.flatMap((y) => y.episodes.map((e) => e.label))).toEqual(['Vaccin DTP']);
  });

  test('IDOR, AUD-1: another account asking for a profile’s history is refused and the attempt traced on that profile', async () => {
    const [owner, intruder] = [await anActivePatient(db), await anActivePatient(db)];
    await importLines([line('idor-a', owner.nir, '10/06/2026', 'MEDICINE', 'Médicament')]);
    await expect(listCareEpisodes(db, holderOf(intruder), owner.profileId, {}, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await tracesOf(owner.profileId, 'care-history.read')).toEqual([
      expect.objectContaining({ outcome: 'DENIED', reason: 'not-holder', actor_id: intruder.accountId })]);
  });

  test('FS-4, BO: an advisor and a CNAM agent never read it; an advisor cannot import the feed; all traced', async () => {
    const patient = await anActivePatient(db);
    const agent = await aStaffMember(db);
    await expect(listCareEpisodes(db, advisor, patient.profileId, {}, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(listCareEpisodes(db, agent, patient.profileId, {}, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await tracesOf(patient.profileId, 'care-history.read')).map((t) => t.reason)).toEqual(['advisor-no-medical', 'staff-no-medical']);
    await expect(registerCareHistoryImport(db, advisor, { filename: 'x.csv', path: '/dev/null' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    const refused = await db.selectFrom('access_events').select(['action', 'outcome', 'reason']).where('actor_id', '=', advisor.staffId)
      .where('action', '=', 'care-history.import').execute();
    expect(refused).toEqual([{ action: 'care-history.import', outcome: 'DENIED', reason: 'wrong-audience' }]);
  });
});

describe('HIS-4, HIS-5: the professional side, through the same use case', () => {
  const doctor: Actor = { kind: 'PROFESSIONAL', professionalId: randomUUID(), rpps: '10000000009', name: 'Dr Martin', professionCode: '10', professionLabel: 'Médecin' };
  const pro = (over: Partial<ProContext> = {}): ProContext => ({ blocked: false, authorised: true, administrateur: false, mode: 'NORMAL', matrixAllows: true, ...over });

  test('HIS-4: activation records activated_at; hidden 1 s before 48 h, visible at 48 h; each read traced (AUD-1)', async () => {
    const activation = new Date('2026-11-20T08:00:00Z');
    const patient = await anActivePatient(db, activation);
    const row = await db.selectFrom('profiles').select('activated_at').where('id', '=', patient.profileId).executeTakeFirstOrThrow();
    expect(row.activated_at).toEqual(activation);
    await importLines([line('his4-a', patient.nir, '10/06/2026', 'MEDICINE', 'Médicament')]);
    const before = new Date(activation.getTime() + 48 * 3600_000 - 1000);
    await expect(listCareEpisodes(db, doctor, patient.profileId, {}, before, pro())).rejects.toThrow(/48 heures/);
    const after = new Date(activation.getTime() + 48 * 3600_000);
    const listed = await listCareEpisodes(db, doctor, patient.profileId, {}, after, pro({ mode: 'EMERGENCY', authorised: false }));
    expect(listed.years).toHaveLength(1);
    expect(await tracesOf(patient.profileId, 'care-history.read')).toEqual([
      expect.objectContaining({ outcome: 'DENIED', reason: 'care-history-not-yet-visible', mode: 'NORMAL' }),
      expect.objectContaining({ outcome: 'OK', reason: null, mode: 'EMERGENCY' }),
    ]);
  });

  test('HIS-4, CLO-6: re-opening a closed profile restarts the 48 hours; its history comes back with it', async () => {
    const { closeProfile } = await import('@/lib/closure/close-profile');
    const { issueCode } = await import('@/lib/accounts/issue-code');
    const { startActivation } = await import('@/lib/accounts/start-activation');
    const { chooseCredentials } = await import('@/lib/accounts/choose-credentials');
    const { confirmActivation } = await import('@/lib/accounts/confirm-activation');
    const { latestOtp } = await import('../support/outbox');
    const p = await anActivePatient(db, new Date('2026-10-01T08:00:00Z'));
    await importLines([line('his4-reopen', p.nir, '10/06/2026', 'MEDICINE', 'Médicament')]);
    await closeProfile(db, holderOf(p), { profileId: p.profileId, deleteData: false }, new Date('2026-10-10T08:00:00Z'));
    const reopenedAt = new Date('2026-11-26T08:00:00Z');
    const { code } = await issueCode(db, p.profileId, reopenedAt);
    const { enrolmentId } = await startActivation(db, { nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate, code, reopenConsent: true }, reopenedAt);
    const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant: p.identifiant, password: p.password, passwordConfirmation: p.password, email: p.email }, reopenedAt);
    await confirmActivation(db, { enrolmentId, challengeId, otp: await latestOtp(db, p.email) }, reopenedAt);
    expect((await db.selectFrom('profiles').select('activated_at').where('id', '=', p.profileId).executeTakeFirstOrThrow()).activated_at).toEqual(reopenedAt);
    await expect(listCareEpisodes(db, doctor, p.profileId, {}, new Date('2026-11-28T07:59:59Z'), pro())).rejects.toThrow(/48 heures/);
    const listed = await listCareEpisodes(db, doctor, p.profileId, {}, new Date('2026-11-28T08:00:00Z'), pro());
    expect(listed.years.flatMap((y) => y.episodes.map((e) => e.label))).toEqual(['Médicament']);
  });

  test('HIS-5, VIS-3: under mask-all the history is refused to an authorised professional, not to the administrateur', async () => {
    const patient = await anActivePatient(db, new Date('2026-11-01T08:00:00Z'));
    await db.insertInto('privacy_settings').values({ profile_id: patient.profileId, mask_all: true, updated_at: now }).execute();
    await expect(listCareEpisodes(db, doctor, patient.profileId, {}, now, pro())).rejects.toThrow(/masqué Mon histoire de santé/);
    await expect(listCareEpisodes(db, doctor, patient.profileId, {}, now, pro({ administrateur: true }))).resolves.toBeDefined();
  });

  test('HIS-4: a CREATED profile’s history is never shown to a professional', async () => {
    const child = await aMinorProfile('2016-01-01');
    await expect(listCareEpisodes(db, doctor, child.profileId, {}, now, pro())).rejects.toThrow(/48 heures/);
  });
});

describe('CLO-5: a purge takes the history with it', () => {
  test('CLO-5: purging a profile deletes its episodes', async () => {
    const { runClosureJobs } = await import('@/lib/closure/purge');
    const patient = await anActivePatient(db);
    await importLines([line('clo5-a', patient.nir, '10/06/2026', 'MEDICINE', 'Médicament')]);
    await db.updateTable('profiles').set({ state: 'DELETION_REQUESTED', deletion_requested_at: now, purge_due_on: '2026-11-27' })
      .where('id', '=', patient.profileId).execute();
    await runClosureJobs(db, now);
    expect(await claimIds(patient.profileId)).toEqual([]);
  });
});
