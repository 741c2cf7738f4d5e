import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { config } from '@/lib/config';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { normalizeNir } from '@/lib/identity/nir';
import { enqueue } from '@/lib/queue/outbox';
import { maskedContact } from './contact-rules';
import { sql } from 'kysely';
import { issueCode } from './issue-code';
import { transition, type ProfileState } from './lifecycle';
import { carteVitaleMatches } from '@/lib/auth/credential-rules';

/** CMP-8: at most 3 codes per profile in any 24 hours, whoever asks. */
export const MAX_CODES_PER_24H = 3;

export class CodeReissueRefusedError extends DomainError {}

type CodeTarget = { id: string; state: ProfileState; email: string | null; mobile: string | null; first_names: string; holder: string | null; closure_reason: string | null };
/** Where the code went (CMP-8), masked for the screen. */
export type CodeSent = { channel: 'EMAIL' | 'SMS'; to: string };

/** Who waits for a code: activation (PENDING, CREATED) or re-opening (CLO-6, CLO-7; never after a death). */
function awaitsCode(p: CodeTarget): boolean {
  return p.state === 'PENDING' || p.state === 'CREATED'
    || ((p.state === 'CLOSED' || p.state === 'DELETION_REQUESTED') && p.closure_reason !== 'DECEASED');
}

async function loadTarget(db: Db, where: { id: string } | { nir: string }) {
  // CMP-8: the mobile the fund holds (a minor's is their parent principal's).
  const q = db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .leftJoin('insured_people as ip', 'ip.nir', 'profiles.nir').leftJoin('insured_people as parent', 'parent.nir', 'ip.parent_nir')
    .select(['profiles.id', 'profiles.state', 'profiles.email', 'profiles.first_names', 'profiles.vitale_serial', 'profiles.birth_date',
      'profiles.closure_reason', 'accounts.id as holder', 'accounts.email as account_email'])
    .select(sql<string | null>`case when profiles.kind = 'CHILD' then coalesce(parent.mobile, ip.mobile) else ip.mobile end`.as('mobile'));
  return ('id' in where ? q.where('profiles.id', '=', where.id) : q.where('profiles.nir', '=', where.nir)).executeTakeFirst();
}

/**
 * BO-3: an agent sends a new code provisoire to the email on file. The new code voids the older
 * ones (CMP-7); the send goes through the outbox; the action is traced as SUPPORT, refusals too.
 */
export async function reissueCode(db: Db, actor: Actor, profileId: string, now: Date): Promise<CodeSent> {
  const profile = await loadTarget(db, { id: profileId });
  if (!profile) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.code.reissue', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'profile.code.reissue', profileId, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  return sendNewCode(db, actor, profile, now);
}

export class UnknownIdentityError extends DomainError {
  constructor() {
    super('code.identity', 'Les informations saisies ne permettent pas d’envoyer un code. Vérifiez votre numéro de sécurité sociale, le numéro de série de votre carte Vitale et votre date de naissance.');
  }
}

/**
 * CMP-8 online: NIR + Vitale serial + date of birth; the code goes only to the contact the fund holds.
 * OPP-9 online: a person who opposed may ask for a space after all, by ticking the box: the opposition
 * is withdrawn (T14) and the code sent, in one transaction.
 */
export async function requestCodeOnline(db: Db, input: { nir: string; vitaleSerial: string; birthDate: string; withdrawOpposition?: boolean }, now: Date): Promise<CodeSent> {
  let nir: string;
  try { nir = normalizeNir(input.nir); } catch { throw new UnknownIdentityError(); }
  const profile = await loadTarget(db, { nir });
  if (!profile || !carteVitaleMatches(profile, input)) {
    throw new UnknownIdentityError();
  }
  if (profile.state === 'OPPOSED' && !input.withdrawOpposition) {
    throw new CodeReissueRefusedError('code.opposed', 'Vous vous êtes opposé à la création de ce profil. Pour revenir sur votre décision et recevoir un code provisoire, cochez la case ci-dessous.', 'withdrawOpposition');
  }
  return sendNewCode(db, { kind: 'PUBLIC' }, { ...profile, email: profile.account_email ?? profile.email }, now, profile.state === 'OPPOSED');
}

async function sendNewCode(db: Db, actor: Actor, profile: CodeTarget, now: Date, withdrawOpposition = false): Promise<CodeSent> {
  const profileId = profile.id;
  const trace = { actor, action: 'profile.code.reissue', profileId, at: now, channel: actor.kind === 'STAFF' ? 'BACKOFFICE' as const : 'WEB' as const };
  const refuse = async (reason: string, error: Error): Promise<never> => {
    await recordAccess(db, { ...trace, denied: reason });
    throw error;
  };
  if (!withdrawOpposition && !awaitsCode(profile)) {
    return refuse('not-awaiting-activation', new CodeReissueRefusedError('code.not-awaiting', 'Ce profil n’attend pas d’activation : aucun code provisoire ne peut être envoyé.'));
  }
  if (!profile.email && !profile.mobile) {
    return refuse('no-email', new CodeReissueRefusedError('code.no-email', actor.kind === 'STAFF'
      ? 'Ni adresse électronique ni numéro de mobile connus : le code ne peut être envoyé que par courrier (nouvelle campagne) ou remis au guichet.'
      : 'Aucune adresse électronique ni aucun numéro de mobile ne sont connus pour ce profil : demandez un nouveau code sur votre compte ameli, auprès de votre caisse (3422) ou dans un espace France Services.'));
  }
  const email = profile.email;
  const mobile = profile.mobile;
  const recent = await db.selectFrom('activation_codes').select(db.fn.countAll<number>().as('n'))
    .where('profile_id', '=', profileId).where('issued_at', '>', new Date(now.getTime() - 24 * 3600_000)).executeTakeFirstOrThrow();
  if (Number(recent.n) >= MAX_CODES_PER_24H) {
    return refuse('code-cap', new CodeReissueRefusedError('code.cap', actor.kind === 'STAFF'
      ? 'Trois codes provisoires ont déjà été envoyés à cette personne dans les dernières 24 heures. Réessayez plus tard.'
      : 'Vous avez déjà reçu trois codes provisoires dans les dernières 24 heures. Réessayez demain.'));
  }
  await db.transaction().execute(async (trx) => {
    if (withdrawOpposition) {
      const { to } = transition(profile.state, 'OPPOSITION_WITHDRAWN', 'PATIENT');
      await trx.updateTable('profiles').set({ state: to, previous_state: profile.state, state_changed_at: now }).where('id', '=', profileId).execute();
      await trx.updateTable('oppositions').set({ withdrawn_at: now }).where('profile_id', '=', profileId).where('withdrawn_at', 'is', null).execute();
      await recordAccess(trx, { ...trace, action: 'profile.oppose.withdraw' });
    }
    const { code, expiresAt } = await issueCode(trx, profileId, now);
    if (email) {
      await enqueue(trx, {
        kind: 'email',
        message: { template: 'new-code', to: email, data: { firstName: profile.first_names.split(' ')[0] ?? '', appUrl: config().APP_URL, codeExpiresAt: expiresAt.toISOString() } },
        secrets: { code },
      });
    } else {
      const until = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(expiresAt);
      await enqueue(trx, { kind: 'sms', to: mobile!, secrets: { code },
        text: `Mon espace santé : votre code provisoire est {code}, valable jusqu’au ${until}. Les codes précédents ne fonctionnent plus. Ne le communiquez à personne.` });
    }
    await recordAccess(trx, trace);
  });
  return email ? { channel: 'EMAIL', to: maskedContact('EMAIL', email) } : { channel: 'SMS', to: maskedContact('MOBILE', mobile!) };
}
