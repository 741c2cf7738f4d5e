import { randomInt } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { PatientActor, ProfessionalActor, StaffActor } from '@/lib/access/actor';
import type { InsTraits } from '@/lib/professional-access/ins';
import { createBeneficiary } from '@/lib/accounts/create-beneficiary';
import { unseal } from '@/lib/auth/secrets';
import { hashPassword } from '@/lib/auth/passwords';
import { nirKey } from '@/lib/identity/nir';

/** One-line builders for tests: a valid NIR, a staff member, a PENDING beneficiary with its code. */
export function aNir(opts: { sex?: 1 | 2; year?: number; month?: number } = {}): string {
  const sex = opts.sex ?? 2;
  const yy = String((opts.year ?? 1980 + randomInt(30)) % 100).padStart(2, '0');
  const mm = String(opts.month ?? 1 + randomInt(12)).padStart(2, '0');
  const body = `${sex}${yy}${mm}75${String(randomInt(1000)).padStart(3, '0')}${String(randomInt(1000)).padStart(3, '0')}`;
  return body + nirKey(body);
}

let staffCount = 0;
export async function aStaffMember(db: Db, kind: 'AGENT' | 'SUPERVISOR' = 'AGENT'): Promise<StaffActor & { identifiant: string; password: string; email: string }> {
  const identifiant = `agent.test${++staffCount}.${randomInt(1e9)}`;
  const password = 'Agent-Test-2026!';
  const row = await db.insertInto('staff_users').values({
    kind, identifiant, password_hash: await hashPassword(password), email: `${identifiant}@cnam.test`, display_name: 'Agent Test', site_id: null, locked_until: null,
  }).returning('id').executeTakeFirstOrThrow();
  return { kind: 'STAFF', staffId: row.id, role: kind, name: 'Agent Test', identifiant, password, email: `${identifiant}@cnam.test` };
}

export type PendingPerson = { profileId: string; nir: string; vitaleSerial: string; birthDate: string; email: string; code: string; outboxId: string };

/** A beneficiary created through the real use case; the code is read back from the sealed outbox row. */
export async function aPendingPerson(db: Db, now = new Date(), overrides: Partial<{ firstNames: string; birthName: string }> = {}): Promise<PendingPerson> {
  const year = 1960 + randomInt(40);
  const month = 1 + randomInt(12);
  const nir = aNir({ year, month });
  const birthDate = `${year}-${String(month).padStart(2, '0')}-15`;
  const email = `personne.${randomInt(1e9)}@exemple.test`;
  const agent = await aStaffMember(db);
  const { profileId } = await createBeneficiary(db, agent, {
    nir, vitaleSerial: '12345678901', birthName: overrides.birthName ?? 'TESTEUR', firstNames: overrides.firstNames ?? 'Camille', birthDate, email,
  }, now);
  // This person's own notice (test files run in parallel on one database: never « the latest email »).
  const row = await db.selectFrom('outbox').select(['id', 'sealed']).where('kind', '=', 'email').where('sealed', 'is not', null)
    .where(sql<string>`payload->>'to'`, '=', email.toLowerCase()).orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
  const { code } = JSON.parse(unseal(row.sealed!)) as { code: string };
  return { profileId, nir, vitaleSerial: '12345678901', birthDate, email, code, outboxId: row.id };
}

export type ActivePatient = PendingPerson & { identifiant: string; password: string; accountId: string };

/**
 * A PENDING person taken through the real activation (ACT-1, ACT-7..9): code provisoire, credentials,
 * then the emailed OTP read back from its sealed outbox row. Returns what the person would type to log in.
 */
export async function anActivePatient(db: Db, now = new Date()): Promise<ActivePatient> {
  const { startActivation } = await import('@/lib/accounts/start-activation');
  const { chooseCredentials } = await import('@/lib/accounts/choose-credentials');
  const { confirmActivation } = await import('@/lib/accounts/confirm-activation');
  const { latestOtp } = await import('../support/outbox');
  const person = await aPendingPerson(db, now);
  const identifiant = `patient.${randomInt(1e9)}`;
  const password = 'Azur-Lagon-7x!';
  const { enrolmentId } = await startActivation(db, { nir: person.nir, vitaleSerial: person.vitaleSerial, birthDate: person.birthDate, code: person.code }, now);
  const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant, password, passwordConfirmation: password, email: person.email }, now);
  await confirmActivation(db, { enrolmentId, challengeId, otp: await latestOtp(db, person.email) }, now);
  const account = await db.selectFrom('accounts').select('id').where('profile_id', '=', person.profileId).executeTakeFirstOrThrow();
  return { ...person, identifiant, password, accountId: account.id };
}

/** The holder of an active patient's profile, as the session would make them (no represented child). */
export const holderActor = (p: Pick<ActivePatient, 'accountId' | 'profileId'>): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });

/** An active patient with their holder actor. */
export async function aHolder(db: Db, now = new Date()): Promise<ActivePatient & { actor: PatientActor }> {
  const p = await anActivePatient(db, now);
  return { ...p, actor: holderActor(p) };
}

/**
 * A professional as Pro Santé Connect would describe them (PRO-1, PRO-2, EMG-3, PRO-13), kept in `professionals`
 * and turned into the actor the pages and the API build. `finess` makes a facility user; `sector` an activity sector.
 */
export async function aProfessional(db: Db, opts: { profession?: string; given?: string; family?: string; specialty?: string;
  finess?: string; facilityName?: string; sector?: string } = {}): Promise<ProfessionalActor> {
  const { professionalActor, upsertProfessional } = await import('@/lib/auth/professional-login');
  const rpps = `1${String(randomInt(1e9)).padStart(10, '0')}`;
  const activity = opts.finess || opts.sector
    ? [{ numeroFinessEtablissement: opts.finess, raisonSocialeSite: opts.facilityName ?? 'Structure de test', codeSecteurActivite: opts.sector }] : [];
  const row = await upsertProfessional(db, {
    sub: `8${rpps}`, SubjectNameID: `8${rpps}`, given_name: opts.given ?? 'Camille', family_name: opts.family ?? `Soignant${randomInt(1e6)}`,
    SubjectRefPro: { exercices: [{ codeProfession: opts.profession ?? '10', codeSavoirFaire: opts.specialty, activites: activity }] },
  }, null);
  return professionalActor(row);
}

/** ID-6: the profile's INS with its five traits (the birthplace is set, as the fund's data would give it). */
export async function insOf(db: Db, profileId: string): Promise<InsTraits> {
  await db.updateTable('profiles').set({ birth_place: '75056' }).where('id', '=', profileId).execute();
  const p = await db.selectFrom('profiles').selectAll().where('id', '=', profileId).executeTakeFirstOrThrow();
  return { matricule: p.nir, birthName: p.birth_name, firstNames: p.first_names, birthDate: p.birth_date, sex: p.sex, birthPlace: '75056' };
}
