import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { config } from '@/lib/config';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { enqueue } from '@/lib/queue/outbox';
import { issueCode } from './issue-code';

/** CMP-8: at most 3 codes per profile in any 24 hours, whoever asks. */
export const MAX_CODES_PER_24H = 3;

export class CodeReissueRefusedError extends DomainError {}

type CodeTarget = { id: string; state: string; email: string | null; first_names: string; holder: string | null };

async function loadTarget(db: Db, where: { id: string } | { nir: string }) {
  const q = db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.email', 'profiles.first_names', 'profiles.vitale_serial', 'profiles.birth_date', 'accounts.id as holder']);
  return ('id' in where ? q.where('profiles.id', '=', where.id) : q.where('profiles.nir', '=', where.nir)).executeTakeFirst();
}

/**
 * BO-3: an agent sends a new code provisoire to the email on file. The new code voids the older
 * ones (CMP-7); the send goes through the outbox; the action is traced as SUPPORT, refusals too.
 */
export async function reissueCode(db: Db, actor: Actor, profileId: string, now: Date): Promise<void> {
  const profile = await loadTarget(db, { id: profileId });
  if (!profile) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.code.reissue', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'profile.code.reissue', profileId, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  await sendNewCode(db, actor, profile, now);
}

export class UnknownIdentityError extends DomainError {
  constructor() {
    super('code.identity', 'Les informations saisies ne permettent pas d’envoyer un code. Vérifiez votre numéro de sécurité sociale, le numéro de série de votre carte Vitale et votre date de naissance.');
  }
}

/** CMP-8 online: NIR + Vitale serial + date of birth; the code goes only to the contact the fund holds. */
export async function requestCodeOnline(db: Db, input: { nir: string; vitaleSerial: string; birthDate: string }, now: Date): Promise<void> {
  const profile = await loadTarget(db, { nir: normalizeNir(input.nir) });
  if (!profile || profile.vitale_serial !== input.vitaleSerial.replace(/\s/g, '') || profile.birth_date !== input.birthDate) {
    throw new UnknownIdentityError();
  }
  await sendNewCode(db, { kind: 'PUBLIC' }, profile, now);
}

async function sendNewCode(db: Db, actor: Actor, profile: CodeTarget, now: Date): Promise<void> {
  const profileId = profile.id;
  const trace = { actor, action: 'profile.code.reissue', profileId, at: now, channel: actor.kind === 'STAFF' ? 'BACKOFFICE' as const : 'WEB' as const };
  const refuse = async (reason: string, error: Error): Promise<never> => {
    await recordAccess(db, { ...trace, denied: reason });
    throw error;
  };
  if (profile.state !== 'PENDING' && profile.state !== 'CREATED') {
    return refuse('not-awaiting-activation', new CodeReissueRefusedError('code.not-awaiting', 'Ce profil n’attend pas d’activation : aucun code provisoire ne peut être envoyé.'));
  }
  if (!profile.email) {
    return refuse('no-email', new CodeReissueRefusedError('code.no-email', actor.kind === 'STAFF'
      ? 'Aucune adresse électronique connue : le code ne peut pas être envoyé par courriel.'
      : 'Aucune adresse électronique n’est connue pour ce profil : demandez un nouveau code sur votre compte ameli, auprès de votre caisse (3422) ou dans un espace France Services.'));
  }
  const email = profile.email;
  const recent = await db.selectFrom('activation_codes').select(db.fn.countAll<number>().as('n'))
    .where('profile_id', '=', profileId).where('issued_at', '>', new Date(now.getTime() - 24 * 3600_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_CODES_PER_24H) {
    return refuse('code-cap', new CodeReissueRefusedError('code.cap', actor.kind === 'STAFF'
      ? 'Trois codes provisoires ont déjà été envoyés à cette personne dans les dernières 24 heures. Réessayez plus tard.'
      : 'Vous avez déjà reçu trois codes provisoires dans les dernières 24 heures. Réessayez demain.'));
  }
  await db.transaction().execute(async (trx) => {
    const { code, expiresAt } = await issueCode(trx, profileId, now);
    await enqueue(trx, {
      kind: 'email',
      message: { template: 'new-code', to: email, data: { firstName: profile.first_names.split(' ')[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } },
      secrets: { code },
    });
    await recordAccess(trx, trace);
  });
}
