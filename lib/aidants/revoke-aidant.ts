import type { Db } from '@/db/client';
import type { PatientActor, StaffActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { recordAccess, recordAccesses, type TraceInput } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { fileJustificatif } from './justificatif';
import { findLink, type LinkRow } from './links';
import { effectiveAidantStatus, mayRevoke } from './rules';

const revokeTrace = (actor: PatientActor | StaffActor, link: LinkRow, now: Date): TraceInput => ({
  actor, action: 'profile.aidants.revoke', profileId: link.aided_profile_id, at: now, target: { type: 'aidant-link', id: link.id },
});

/**
 * AID-6: either side ends the link at once — the aidé (its holder) withdraws an invitation or an aidant,
 * the aidant stops helping. The other side is notified (REVOCATION) and the end is traced in the aidé's
 * history. Ending an accepted link files a new version of the justificatif recording the end date (AID-5).
 * The access stops with the commit: the session re-reads the links on every request.
 */
export async function revokeAidant(db: Db, actor: PatientActor, input: { linkId: string }, now: Date): Promise<{ documentId: string | null }> {
  const link = await findLink(db, input.linkId);
  if (!link) throw new NotFoundError('Aidant');
  const side = actor.ownProfileId === link.aided_profile_id ? 'AIDE' as const : link.aidant_account_id === actor.accountId ? 'AIDANT' as const : null;
  if (!side) throw new NotFoundError('Aidant');
  if (side === 'AIDE') {
    // AID-4: only the holder manages aidants (an aidant of this same profile never reaches this through `ownProfileId`).
    const decision = authorize(actor, 'privacy.manage', { profile: (await findProfileTarget(db, link.aided_profile_id)).target });
    if (!decision.allowed) {
      await recordAccess(db, { ...revokeTrace(actor, link, now), decision });
      throw new AccessDeniedError(decision.reason);
    }
  }
  return endAidantLink(db, actor, link, side, now);
}

/**
 * AID-6: ends `link` for `side`, once the caller has checked who may. Also the back-office's way
 * (lib/aidants/support-view.ts): an agent ends the link on that side's request by phone; the agent is then
 * traced (SUPPORT, back-office channel, also in the requester's history when it is the aidant) and both
 * sides are notified, the requester included, since the change was not made from their own screen.
 */
export async function endAidantLink(db: Db, actor: PatientActor | StaffActor, link: LinkRow, side: 'AIDE' | 'AIDANT', now: Date): Promise<{ documentId: string | null }> {
  const byAgent = actor.kind === 'STAFF';
  const trace = revokeTrace(actor, link, now);
  const status = effectiveAidantStatus(link, now);
  if (!mayRevoke(side, status)) {
    throw new ValidationError('aid.not-revocable', status === 'PENDING' ? 'Refusez cette invitation plutôt que d’y mettre fin.' : 'Cet accès a déjà pris fin.');
  }
  const ended = async (trx: Db) => {
    const updated = await trx.updateTable('aidant_links').set({ status: 'REVOKED', revoked_at: now, revoked_by: side })
      .where('id', '=', link.id).where('status', '=', status).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new ValidationError('aid.not-revocable', 'Cet accès a déjà pris fin.');
  };
  const tell = async (trx: Db) => {
    // NOT-7: the other side hears of it on their own profile (the aidé's own notifications no longer reach a revoked aidant).
    const other = side === 'AIDE' ? link.aidant_profile_id : link.aided_profile_id;
    const requester = side === 'AIDE' ? link.aided_profile_id : link.aidant_profile_id;
    for (const profileId of byAgent ? [other, requester] : [other]) {
      if (profileId) await notify(trx, { profileId, kind: 'REVOCATION', at: now });
    }
    await recordAccesses(trx, byAgent && side === 'AIDANT' && link.aidant_profile_id ? [trace, { ...trace, profileId: link.aidant_profile_id }] : [trace]);
  };
  // AID-5: a new version of the justificatif, when there was an access to end on a profile still holding documents.
  if (status === 'ACCEPTED' && link.responded_at && (link.aide_state === 'ACTIVE' || link.aide_state === 'SUSPENDED')) {
    const documentId = await fileJustificatif(db, actor, link, { acceptedAt: link.responded_at, ended: { at: now, by: side } },
      'profile.aidants.justificatif', (trx) => ended(trx), (trx) => tell(trx));
    return { documentId };
  }
  await db.transaction().execute(async (trx) => { await ended(trx); await tell(trx); });
  return { documentId: null };
}
