import { randomInt } from 'node:crypto';
import type { Db } from '@/db/client';
import { chooseCredentials } from '@/lib/accounts/choose-credentials';
import { confirmActivation } from '@/lib/accounts/confirm-activation';
import { createBeneficiary } from '@/lib/accounts/create-beneficiary';
import { issueCode } from '@/lib/accounts/issue-code';
import { startActivation } from '@/lib/accounts/start-activation';
import { aNir, aStaffMember } from '../../factories';
import { anInsuredPopulation } from '../../factories/population';
import { codeProvisoireIn, otpIn, waitForMail } from './mail';

export type ActivatedAdult = { profileId: string; nir: string; birthDate: string; email: string; identifiant: string; password: string; name: string };

/**
 * An adult known to the fund (insured_people) who activated their profile through the real use cases.
 * Unlike the factories' `anActivePatient`, the code provisoire and the OTP are read from the emails that
 * reached the SMTP sink: the running worker sends them, and wipes their sealed copy, within milliseconds.
 */
export async function anActivatedAdult(db: Db, person: { firstNames: string; birthName: string; sex: 1 | 2 }): Promise<ActivatedAdult> {
  const year = 1975 + randomInt(20);
  const month = 1 + randomInt(12);
  const nir = aNir({ sex: person.sex, year, month });
  const birthDate = `${year}-${String(month).padStart(2, '0')}-15`;
  // Identifiants and addresses take no accents (Inès → ines).
  const plain = person.firstNames.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const email = `${plain}.${randomInt(1e9)}@exemple.test`;
  const since = Date.now();
  const { profileId } = await createBeneficiary(db, await aStaffMember(db), {
    nir, vitaleSerial: '12345678901', birthName: person.birthName, firstNames: person.firstNames, birthDate, email,
  }, new Date());
  await db.insertInto('insured_people').values({ nir, vitale_serial: '12345678901', birth_name: person.birthName, first_names: person.firstNames,
    birth_date: birthDate, sex: person.sex, birth_place: '75056', departement: '75', email, mobile: null, postal_address: null, parent_nir: null,
    ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: new Date() }).execute();
  // The five INS traits (ID-6): the birthplace the fund knows, as on the insured person above.
  await db.updateTable('profiles').set({ birth_place: '75056' }).where('id', '=', profileId).execute();
  const code = codeProvisoireIn(await waitForMail(email, /Votre profil Mon espace santé/, since));
  const identifiant = `${plain}.${randomInt(1e9)}`;
  const password = 'Azur-Lagon-7x!';
  const { enrolmentId } = await startActivation(db, { nir, vitaleSerial: '12345678901', birthDate, code }, new Date());
  const otpSince = Date.now();
  const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant, password, passwordConfirmation: password, email }, new Date());
  await confirmActivation(db, { enrolmentId, challengeId, otp: otpIn(await waitForMail(email, /Votre code/, otpSince)) }, new Date());
  return { profileId, nir, birthDate, email, identifiant, password, name: `${person.firstNames} ${person.birthName}` };
}

/** A minor attached at the fund to `parentNir` (REP-2), whose PENDING profile waits with a fresh code provisoire. */
export async function aChildWaitingFor(db: Db, parentNir: string, child: { firstNames: string; birthName: string; birthDate: string }) {
  const now = new Date();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir, birthDate: child.birthDate,
    firstNames: () => child.firstNames });
  const profile = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: child.birthName,
    first_names: child.firstNames, birth_date: child.birthDate, sex: Number(insured!.nir[0]), birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING',
    previous_state: null, state_changed_at: now, notice_sent_at: now, opposition_deadline: new Date(now.getTime() + 42 * 86_400_000).toISOString().slice(0, 10),
    activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, profile.id, now);
  return { profileId: profile.id, nir: insured!.nir, code };
}

/** A minor entrusted to the ASE (REP-7), known from the imported population, with no profile yet. */
export async function anAseMinor(db: Db, birthDate = '2014-09-03') {
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, birthDate, ase: true, firstNames: () => 'Noé' });
  return { nir: insured!.nir };
}
