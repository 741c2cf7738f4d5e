import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { recordOppositions } from './oppose';

export type StaffOppositionInput = { profileId: string; channel: 'PHONE' | 'LETTER' | 'EMAIL'; postmarkDate: string | null };

/**
 * BO-2, OPP-2, OPP-4: an agent keys an opposition received by phone (3422), letter or email. A
 * letter counts by its postmark, which must fall inside the window. The receipt (OPP-6) is emailed
 * when an address is known; it can always be downloaded from the back-office.
 */
export async function recordStaffOpposition(db: Db, actor: Actor, input: StaffOppositionInput, now: Date): Promise<string> {
  const profile = await db.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
    .select(['profiles.id', 'profiles.state', 'profiles.email', 'profiles.first_names', 'profiles.opposition_deadline', 'accounts.id as holder'])
    .where('profiles.id', '=', input.profileId).executeTakeFirst();
  if (!profile) throw new NotFoundError('Profil');
  const decision = authorize(actor, 'profile.oppose.record', { profile: { id: profile.id, state: profile.state, holderAccountId: profile.holder } });
  if (!decision.allowed || actor.kind !== 'STAFF') {
    await recordAccess(db, { actor, action: 'profile.oppose', profileId: profile.id, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.allowed ? 'réservé aux agents.' : decision.reason);
  }
  if (input.channel === 'LETTER') {
    if (!input.postmarkDate) throw new ValidationError('opposition.postmark', 'Indiquez la date du cachet de la poste.', 'postmarkDate');
    if (input.postmarkDate > now.toISOString().slice(0, 10)) throw new ValidationError('opposition.postmark-future', 'Le cachet de la poste ne peut pas être dans le futur.', 'postmarkDate');
    if (profile.opposition_deadline && input.postmarkDate > profile.opposition_deadline) {
      await recordAccess(db, { actor, action: 'profile.oppose', profileId: profile.id, at: now, channel: 'BACKOFFICE', denied: 'postmark-after-window' });
      throw new ValidationError('opposition.late', `Le cachet de la poste est postérieur à la fin de la période d’opposition (${profile.opposition_deadline.split('-').reverse().join('/')}).`, 'postmarkDate');
    }
  }
  const [oppositionId] = await recordOppositions(db, actor, [profile.id],
    { channel: input.channel, postmarkDate: input.channel === 'LETTER' ? input.postmarkDate : null, recordedBy: actor.staffId, emailReceiptTo: profile.email }, now);
  return oppositionId!;
}
