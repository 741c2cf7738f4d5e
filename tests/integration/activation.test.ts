import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { chooseCredentials } from '@/lib/accounts/choose-credentials';
import { confirmActivation } from '@/lib/accounts/confirm-activation';
import { issueCode } from '@/lib/accounts/issue-code';
import { startActivation } from '@/lib/accounts/start-activation';
import { ACTIVATION_MISMATCH_FR } from '@/lib/auth/errors';
import { limitActivationByIp } from '@/lib/auth/ip-limit';
import { verifyPassword } from '@/lib/auth/passwords';
import { closeRedis } from '@/lib/runtime/redis';
import { aNir, aPendingPerson, anActivePatient, type PendingPerson } from '../factories';
import { emailsTo, latestOtp } from '../support/outbox';

const db = getDb();
afterAll(async () => {
  await closeRedis();
  await closeDb();
});

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);
const PASSWORD = 'Azur-Lagon-7x!';

const identity = (p: PendingPerson) => ({ nir: p.nir, vitaleSerial: p.vitaleSerial, birthDate: p.birthDate });
const tryCode = (p: PendingPerson, code: string, now: Date) => startActivation(db, { ...identity(p), code }, now);
/** A well-formed code provisoire that is not this person's. */
const wrongCodeFor = (p: PendingPerson) => (p.code === 'ABCDEFGH' ? 'HGFEDCBA' : 'ABCDEFGH');
const anIdentifiant = () => `camille.t${randomInt(1e9)}`;

async function profileOf(p: PendingPerson) {
  return db.selectFrom('profiles').selectAll().where('id', '=', p.profileId).executeTakeFirstOrThrow();
}
async function accountsOf(p: PendingPerson) {
  return db.selectFrom('accounts').selectAll().where('profile_id', '=', p.profileId).execute();
}
async function enrolmentsOf(p: PendingPerson) {
  return db.selectFrom('enrolments').selectAll().where('profile_id', '=', p.profileId).execute();
}
async function codesOf(p: PendingPerson) {
  return db.selectFrom('activation_codes').selectAll().where('profile_id', '=', p.profileId).orderBy('issued_at').execute();
}
async function tracesOf(p: PendingPerson) {
  return db.selectFrom('access_events').select(['action', 'actor_type', 'outcome', 'reason'])
    .where('profile_id', '=', p.profileId).orderBy('id').execute();
}

/** Steps 2 and 3 of the activation: credentials, then the code emailed to the address to verify. */
async function finishActivation(p: PendingPerson, enrolmentId: string, now: Date, email = p.email, identifiant = anIdentifiant()) {
  const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant, password: PASSWORD, passwordConfirmation: PASSWORD, email }, now);
  await confirmActivation(db, { enrolmentId, challengeId, otp: await latestOtp(db, email) }, now);
  return identifiant;
}

/** `n` failed tries, spaced so that the 30-second wait (ACT-5) never gets in the way. */
async function failTimes(p: PendingPerson, n: number, from: Date, spacingMs = 31 * SECOND): Promise<Date> {
  let now = from;
  for (let i = 0; i < n; i++) {
    now = at(from, i * spacingMs);
    await expect(tryCode(p, wrongCodeFor(p), now)).rejects.toMatchObject({ code: 'activation.mismatch' });
  }
  return now;
}

describe('ACT-1, ACT-9, ACC-2 T4: activation with the code provisoire', () => {
  test('ACT-1 / ACC-2 T4: NIR, Vitale serial, birth date and code, then credentials and the emailed code → ACTIVE with an account', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const { enrolmentId } = await tryCode(p, p.code, now);
    const identifiant = await finishActivation(p, enrolmentId, now);

    const profile = await profileOf(p);
    expect([profile.state, profile.previous_state]).toEqual(['ACTIVE', 'PENDING']);
    const [account, ...others] = await accountsOf(p);
    expect(others).toEqual([]);
    expect(account).toMatchObject({ identifiant, email: p.email });
    expect(account!.email_verified_at).toEqual(now);
    expect(await verifyPassword(account!.password_hash, PASSWORD)).toBe(true);
    expect(account!.password_hash).not.toContain(PASSWORD);
    expect(await enrolmentsOf(p)).toEqual([]);
    expect((await tracesOf(p)).map((t) => [t.action, t.actor_type, t.outcome])).toEqual([
      ['profile.create', 'SUPPORT', 'OK'], ['profile.activate', 'ENROLMENT', 'OK'],
    ]);
  });

  test('CMP-7: activation spends the code provisoire; it cannot start a second activation, and nothing more is created', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    await finishActivation(p, (await tryCode(p, p.code, now)).enrolmentId, now);
    const [code] = await codesOf(p);
    expect(code!.used_at).toEqual(now);

    // The profile is no longer reachable by activation (ACT-4): the answer is a refusal, never an enrolment.
    const later = at(now, MINUTE);
    await expect(tryCode(p, p.code, later)).rejects.toMatchObject({ code: expect.stringMatching(/^activation\.(mismatch|code-used)$/) });
    expect(await enrolmentsOf(p)).toEqual([]);
    expect(await accountsOf(p)).toHaveLength(1);
    expect((await profileOf(p)).state).toBe('ACTIVE');
  });

  test('ACT-9: the code goes to the address being verified, and the account keeps that verified address', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const newEmail = `nouvelle.${randomInt(1e9)}@exemple.test`;
    const { enrolmentId } = await tryCode(p, p.code, now);
    await finishActivation(p, enrolmentId, now, newEmail);
    expect(await emailsTo(db, newEmail, 'otp')).toHaveLength(1);
    expect(await emailsTo(db, p.email, 'otp')).toHaveLength(0);
    const [account] = await accountsOf(p);
    expect(account!.email).toBe(newEmail);
    expect((await profileOf(p)).email).toBe(newEmail);
  });

  test('ACT-1: the code typed in lower case with a hyphen, the NIR and serial with spaces, are accepted', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const spacedNir = `${p.nir.slice(0, 1)} ${p.nir.slice(1, 3)} ${p.nir.slice(3, 5)} ${p.nir.slice(5, 7)} ${p.nir.slice(7, 10)} ${p.nir.slice(10, 13)} ${p.nir.slice(13)}`;
    const typedCode = `${p.code.slice(0, 4)}-${p.code.slice(4)}`.toLowerCase();
    const { enrolmentId } = await startActivation(db, { nir: spacedNir, vitaleSerial: '123 456 789 01', birthDate: p.birthDate, code: typedCode }, now);
    const enrolment = await db.selectFrom('enrolments').select('profile_id').where('id', '=', enrolmentId).executeTakeFirstOrThrow();
    expect(enrolment.profile_id).toBe(p.profileId);
  });

  test('ACC-2 T4: a CREATED profile (window over, not activated) can be activated too', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    await db.updateTable('profiles').set({ state: 'CREATED', previous_state: 'PENDING' }).where('id', '=', p.profileId).execute();
    await finishActivation(p, (await tryCode(p, p.code, now)).enrolmentId, now);
    const profile = await profileOf(p);
    expect([profile.state, profile.previous_state]).toEqual(['ACTIVE', 'CREATED']);
  });

  test('ACT-9: a wrong emailed code writes nothing: still PENDING, no account, code unused; the right code then works', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const { enrolmentId } = await tryCode(p, p.code, now);
    const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant: anIdentifiant(), password: PASSWORD, passwordConfirmation: PASSWORD, email: p.email }, now);
    const otp = await latestOtp(db, p.email);
    const wrong = otp === '000000' ? '111111' : '000000';

    await expect(confirmActivation(db, { enrolmentId, challengeId, otp: wrong }, now)).rejects.toMatchObject({ code: 'otp.wrong' });
    expect((await profileOf(p)).state).toBe('PENDING');
    expect(await accountsOf(p)).toEqual([]);
    expect((await codesOf(p))[0]!.used_at).toBeNull();
    expect((await tracesOf(p)).map((t) => t.action)).toEqual(['profile.create']);

    await confirmActivation(db, { enrolmentId, challengeId, otp }, at(now, SECOND));
    expect((await profileOf(p)).state).toBe('ACTIVE');
  });

  test('ACC-2: a profile objected to during the activation is not activated, and the refusal is traced', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const { enrolmentId } = await tryCode(p, p.code, now);
    const { challengeId } = await chooseCredentials(db, enrolmentId, { identifiant: anIdentifiant(), password: PASSWORD, passwordConfirmation: PASSWORD, email: p.email }, now);
    await db.updateTable('profiles').set({ state: 'OPPOSED', previous_state: 'PENDING' }).where('id', '=', p.profileId).execute();

    await expect(confirmActivation(db, { enrolmentId, challengeId, otp: await latestOtp(db, p.email) }, now))
      .rejects.toMatchObject({ code: 'lifecycle.refused' });
    expect((await profileOf(p)).state).toBe('OPPOSED');
    expect(await accountsOf(p)).toEqual([]);
    expect((await codesOf(p))[0]!.used_at).toBeNull();
    expect((await tracesOf(p)).at(-1)).toMatchObject({ action: 'profile.activate', outcome: 'DENIED', reason: 'lifecycle.refused' });
  });

  test('CMP-7: the same code in two browsers gives one account; the second confirmation is refused', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const first = await tryCode(p, p.code, now);
    const second = await tryCode(p, p.code, now);
    const secondEmail = `second.${randomInt(1e9)}@exemple.test`;
    const { challengeId } = await chooseCredentials(db, second.enrolmentId, { identifiant: anIdentifiant(), password: PASSWORD, passwordConfirmation: PASSWORD, email: secondEmail }, now);
    await finishActivation(p, first.enrolmentId, now);

    await expect(confirmActivation(db, { enrolmentId: second.enrolmentId, challengeId, otp: await latestOtp(db, secondEmail) }, now))
      .rejects.toMatchObject({ code: expect.stringMatching(/^(activation\.|lifecycle\.)/) });
    expect(await accountsOf(p)).toHaveLength(1);
    expect((await accountsOf(p))[0]!.email).toBe(p.email);
  });
});

describe('ACT-4: identity mismatches get one generic answer; only a matching identity learns more', () => {
  const cases: Array<[string, (p: PendingPerson) => { nir: string; vitaleSerial: string; birthDate: string; code: string }]> = [
    ['a wrong code provisoire', (p) => ({ ...identity(p), code: wrongCodeFor(p) })],
    ['a wrong Vitale serial with the right code', (p) => ({ ...identity(p), vitaleSerial: '12345678902', code: p.code })],
    ['a wrong birth date with the right code', (p) => ({ ...identity(p), birthDate: p.birthDate.replace(/-15$/, '-16'), code: p.code })],
  ];
  test.each(cases)('ACT-4: %s → the generic message, a DENIED trace, no enrolment', async (_, input) => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    await expect(startActivation(db, input(p), now)).rejects.toMatchObject({ code: 'activation.mismatch', message: ACTIVATION_MISMATCH_FR });
    expect(await enrolmentsOf(p)).toEqual([]);
    expect((await tracesOf(p)).at(-1)).toMatchObject({ action: 'profile.activate', actor_type: 'ENROLMENT', outcome: 'DENIED', reason: 'activation.mismatch' });
  });

  test('ACT-4: an unknown NIR gets the same generic message', async () => {
    const p = await aPendingPerson(db);
    await expect(tryCode({ ...p, nir: aNir() }, p.code, new Date())).rejects.toMatchObject({ code: 'activation.mismatch', message: ACTIVATION_MISMATCH_FR });
  });

  test('ACT-4 / ACC-3: an OPPOSED profile cannot be activated, with the same generic message', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    await db.updateTable('profiles').set({ state: 'OPPOSED', previous_state: 'PENDING' }).where('id', '=', p.profileId).execute();
    await expect(tryCode(p, p.code, now)).rejects.toMatchObject({ code: 'activation.mismatch', message: ACTIVATION_MISMATCH_FR });
    expect(await enrolmentsOf(p)).toEqual([]);
  });

  test('ACT-4 / CMP-7: a code issued 43 days ago is "expiré" only for the right identity', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, at(now, -43 * DAY));
    await expect(startActivation(db, { ...identity(p), vitaleSerial: '12345678902', code: p.code }, now))
      .rejects.toMatchObject({ code: 'activation.mismatch', message: ACTIVATION_MISMATCH_FR });
    await expect(tryCode(p, p.code, now)).rejects.toMatchObject({ code: 'activation.code-expired', field: 'code' });
    expect(await enrolmentsOf(p)).toEqual([]);
    expect((await tracesOf(p)).at(-1)).toMatchObject({ outcome: 'DENIED', reason: 'activation.code-expired' });
  });

  test('CMP-7: a code is valid 42 days from issue, not a minute more', async () => {
    const issued = new Date('2026-05-04T08:00:00Z'); // no clock change in the next 42 days
    const p = await aPendingPerson(db, issued);
    await expect(tryCode(p, p.code, at(issued, 42 * DAY - MINUTE))).resolves.toHaveProperty('enrolmentId');
    await expect(tryCode(p, p.code, at(issued, 42 * DAY))).rejects.toMatchObject({ code: 'activation.code-expired' });
  });

  test('CMP-7: a new code voids the older unused one', async () => {
    const now = new Date();
    const p = await aPendingPerson(db, now);
    const { code: newCode } = await issueCode(db, p.profileId, at(now, MINUTE));
    await expect(tryCode(p, p.code, at(now, 2 * MINUTE))).rejects.toMatchObject({ code: 'activation.code-expired' });
    await expect(tryCode(p, newCode, at(now, 3 * MINUTE))).resolves.toHaveProperty('enrolmentId');
  });
});

describe('ACT-5: repeated failures slow down, then lock, then void the codes', () => {
  test('ACT-5: from the 3rd consecutive failure, the next try waits 30 s — even with the right code', async () => {
    const t0 = new Date();
    const p = await aPendingPerson(db, t0);
    await expect(tryCode(p, wrongCodeFor(p), t0)).rejects.toMatchObject({ code: 'activation.mismatch' });
    await expect(tryCode(p, wrongCodeFor(p), at(t0, SECOND))).rejects.toMatchObject({ code: 'activation.mismatch' }); // no wait yet
    const third = at(t0, 2 * SECOND);
    await expect(tryCode(p, wrongCodeFor(p), third)).rejects.toMatchObject({ code: 'activation.mismatch' });

    await expect(tryCode(p, p.code, at(third, 29 * SECOND))).rejects.toMatchObject({ code: 'activation.wait', message: expect.stringContaining('seconde') });
    await expect(tryCode(p, p.code, at(third, 30 * SECOND))).resolves.toHaveProperty('enrolmentId');
  });

  test('ACT-5: a success ends the run of consecutive failures', async () => {
    const t0 = new Date();
    const p = await aPendingPerson(db, t0);
    await failTimes(p, 2, t0, SECOND);
    await tryCode(p, p.code, at(t0, 2 * SECOND));
    await failTimes(p, 1, at(t0, 3 * SECOND));
    // Three failures in all, but not consecutive: no wait.
    await expect(tryCode(p, wrongCodeFor(p), at(t0, 4 * SECOND))).rejects.toMatchObject({ code: 'activation.mismatch' });
  });

  test('ACT-5 / AUD-1: 5 failures in 24 h lock activation for 30 minutes; each failure is traced DENIED', async () => {
    const t0 = new Date();
    const p = await aPendingPerson(db, t0);
    const fifth = await failTimes(p, 5, t0);

    await expect(tryCode(p, p.code, at(fifth, 30 * MINUTE - SECOND))).rejects.toMatchObject({ code: 'activation.locked', message: expect.stringContaining('bloquée') });
    expect(await enrolmentsOf(p)).toEqual([]);
    const denied = (await tracesOf(p)).filter((t) => t.outcome === 'DENIED');
    // Five wrong codes, then the refused try during the lock: refusals are traced too (AUD-1).
    expect(denied.map((t) => t.reason)).toEqual([...Array(5).fill('activation.mismatch'), 'activation.locked']);
    expect(denied.every((t) => t.action === 'profile.activate' && t.actor_type === 'ENROLMENT')).toBe(true);

    await expect(tryCode(p, p.code, at(fifth, 30 * MINUTE))).resolves.toHaveProperty('enrolmentId');
  });

  test('ACT-5: the 10th failure in 24 h voids every unused code: the right code is then refused, a new one works', async () => {
    const t0 = new Date();
    const p = await aPendingPerson(db, t0);
    let last = await failTimes(p, 5, t0);
    for (let i = 6; i <= 9; i++) {
      last = at(last, 30 * MINUTE); // each failure after the 5th locks again for 30 minutes
      await expect(tryCode(p, wrongCodeFor(p), last)).rejects.toMatchObject({ code: 'activation.mismatch' });
    }
    last = at(last, 30 * MINUTE);
    await expect(tryCode(p, wrongCodeFor(p), last)).rejects.toMatchObject({ code: 'activation.codes-invalidated' });
    expect((await codesOf(p)).every((c) => c.invalidated_at !== null)).toBe(true);
    expect((await tracesOf(p)).filter((t) => t.outcome === 'DENIED')).toHaveLength(10);

    // The right code is now refused (that refusal counts as one more failure, hence one more lock)...
    const afterLock = at(last, 30 * MINUTE);
    await expect(tryCode(p, p.code, afterLock)).rejects.toMatchObject({ code: expect.stringMatching(/^activation\.(code-expired|codes-invalidated)$/) });
    expect(await enrolmentsOf(p)).toEqual([]);
    // ...and a new code (CMP-8) works once that lock is over.
    const { code: fresh } = await issueCode(db, p.profileId, at(afterLock, MINUTE));
    await expect(tryCode(p, fresh, at(afterLock, 30 * MINUTE))).resolves.toHaveProperty('enrolmentId');
  });

  test('ACT-5: per IP, 20 tries an hour; the 21st is refused until the first leaves the hour', async () => {
    const ip = `198.51.100.${randomInt(255)}-${randomInt(1e9)}`;
    const t0 = new Date();
    for (let i = 0; i < 20; i++) await limitActivationByIp(ip, at(t0, i * SECOND));
    await expect(limitActivationByIp(ip, at(t0, 20 * SECOND))).rejects.toMatchObject({ code: 'activation.ip-limit' });
    await expect(limitActivationByIp(ip, at(t0, 60 * MINUTE + SECOND))).resolves.toBeUndefined();
  });
});

describe('ACT-7, ACT-8: identifiant and password rules when choosing credentials', () => {
  async function enrolled(now = new Date()) {
    const p = await aPendingPerson(db, now, { firstNames: 'Camille Hélène', birthName: 'Testeur' });
    const { enrolmentId } = await tryCode(p, p.code, now);
    return { p, enrolmentId, now };
  }
  const choose = (enrolmentId: string, now: Date, over: Partial<{ identifiant: string; password: string; passwordConfirmation: string }>) => {
    const password = over.password ?? PASSWORD;
    return chooseCredentials(db, enrolmentId, {
      identifiant: over.identifiant ?? anIdentifiant(), password, passwordConfirmation: over.passwordConfirmation ?? password,
      email: `choix.${randomInt(1e9)}@exemple.test`,
    }, now);
  };

  test('ACT-7: an identifiant already taken, written in another case, is refused on the identifiant field', async () => {
    const taken = await anActivePatient(db);
    const { p, enrolmentId, now } = await enrolled();
    await expect(choose(enrolmentId, now, { identifiant: taken.identifiant.toUpperCase() }))
      .rejects.toMatchObject({ code: 'activation.identifiant-taken', field: 'identifiant' });
    const [enrolment] = await enrolmentsOf(p);
    expect(enrolment!.identifiant).toBeNull();
  });

  test.each([
    ['shorter than 8 characters', 'camille'],
    ['an email address', 'camille@exemple.fr'],
    ['with an accent', 'hélène.testeur'],
    ['a NIR', '255081416802538'],
    ['an IBAN', 'FR7630006000011234567890189'],
  ])('ACT-7: an identifiant %s is refused', async (_, identifiant) => {
    const { enrolmentId, now } = await enrolled();
    await expect(choose(enrolmentId, now, { identifiant })).rejects.toMatchObject({ code: 'activation.identifiant', field: 'identifiant' });
  });

  test.each([
    ['containing the birth name', 'Bleu-Testeur-7!'],
    ['containing a first name, accents aside', 'Bleu-Helene-7!'],
    ['containing the identifiant', 'X!azur.lagon.77Q'],
    ['of 8 characters', 'Azur-7x!'],
    ['without a special character', 'AzurLagon7x'],
    ['without an upper-case letter', 'azur-lagon-7x!'],
  ])('ACT-8: a password %s is refused on the password field', async (_, password) => {
    const { enrolmentId, now } = await enrolled();
    await expect(choose(enrolmentId, now, { identifiant: 'azur.lagon.77', password }))
      .rejects.toMatchObject({ code: 'activation.password', field: 'password' });
  });

  test('ACT-8: a password containing the birth date (DDMMYYYY or the year) is refused', async () => {
    const { p, enrolmentId, now } = await enrolled();
    const [yyyy, mm, dd] = p.birthDate.split('-');
    await expect(choose(enrolmentId, now, { password: `Azur-${dd}${mm}${yyyy}!x` })).rejects.toMatchObject({ field: 'password' });
    await expect(choose(enrolmentId, now, { password: `Azur-Lagon-${yyyy}!` })).rejects.toMatchObject({ field: 'password' });
  });

  test('ACT-8: two different passwords are refused on the confirmation field, and no code is emailed', async () => {
    const { enrolmentId, now } = await enrolled();
    const email = `choix.${randomInt(1e9)}@exemple.test`;
    await expect(chooseCredentials(db, enrolmentId, { identifiant: anIdentifiant(), password: PASSWORD, passwordConfirmation: `${PASSWORD}x`, email }, now))
      .rejects.toMatchObject({ field: 'passwordConfirmation' });
    expect(await emailsTo(db, email, 'otp')).toEqual([]);
  });
});
