import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { checkVitaleSerial } from '@/lib/auth/credential-rules';
import { config } from '@/lib/config';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { parseNir } from '@/lib/identity/nir';
import { enqueue } from '@/lib/queue/outbox';
import { issueCode } from './issue-code';
import { transition } from './lifecycle';

export type BeneficiaryInput = {
  nir: string; vitaleSerial: string; birthName: string; firstNames: string; birthDate: string; email: string;
};

export class DuplicateNirError extends ValidationError {
  constructor() { super('profile.duplicate-nir', 'Un profil existe déjà pour ce numéro de sécurité sociale.', 'nir'); }
}

/** ID-1/ID-2: the NIR carries the sex and the birth year and month; a date that contradicts it is a typo. */
function checkBirthDateAgainstNir(birthDate: string, nir: ReturnType<typeof parseNir>): void {
  const [year, month] = birthDate.split('-');
  const monthCoded = Number(nir.birthMonth) <= 12;
  if (year?.slice(2) !== nir.birthYear2 || (monthCoded && month !== nir.birthMonth)) {
    throw new ValidationError('profile.birth-date-mismatch',
      'La date de naissance ne correspond pas à l’année et au mois indiqués par le numéro de sécurité sociale.', 'birthDate');
  }
}

/**
 * BO-4 / ACC-2 T1: a CNAM agent registers one beneficiary. The profile is PENDING, a code provisoire is
 * issued (CMP-7) and the notice (CMP-5) goes to the outbox, all in one transaction with its trace.
 */
export async function createBeneficiary(db: Db, actor: Actor, input: BeneficiaryInput, now: Date): Promise<{ profileId: string }> {
  const decision = authorize(actor, 'profile.create');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'profile.create', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  const nir = parseNir(input.nir);
  const serialError = checkVitaleSerial(input.vitaleSerial);
  if (serialError) throw new ValidationError('profile.vitale-serial', serialError, 'vitaleSerial');
  checkBirthDateAgainstNir(input.birthDate, nir);
  const { to } = transition(null, 'NOTICE_SENT', 'SYSTEM');
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('profiles').select('id').where('nir', '=', nir.nir).executeTakeFirst();
    if (existing) throw new DuplicateNirError();
    const profile = await trx.insertInto('profiles').values({
      nir: nir.nir, vitale_serial: input.vitaleSerial.replace(/\s/g, ''), birth_name: input.birthName.trim().toUpperCase(),
      first_names: input.firstNames.trim().replace(/\s+/g, ' '), birth_date: input.birthDate, sex: nir.sex,
      birth_place: null, email: input.email.trim().toLowerCase(), kind: 'ADULT', state: to, previous_state: null,
      state_changed_at: now, notice_sent_at: null, opposition_deadline: null, activation_last_failure_at: null,
    }).onConflict((oc) => oc.column('nir').doNothing()).returning('id').executeTakeFirst();
    if (!profile) throw new DuplicateNirError(); // lost a race with a concurrent creation
    const { code, expiresAt } = await issueCode(trx, profile.id, now);
    await enqueue(trx, {
      kind: 'email',
      message: { template: 'notice', to: input.email.trim().toLowerCase(), profileId: profile.id,
        data: { firstName: input.firstNames.trim().split(/\s+/)[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } },
      secrets: { code },
    });
    await recordAccess(trx, { actor, action: 'profile.create', profileId: profile.id, at: now, channel: 'BACKOFFICE',
      target: { type: 'profile', id: profile.id } });
    return { profileId: profile.id };
  });
}
