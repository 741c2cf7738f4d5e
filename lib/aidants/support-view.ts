import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { AidantLinkStatus, AidantRevokedBy } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureStaffOnProfile } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';
import { findLink } from './links';
import { LIVE_AIDANT_LINK } from './live-links';
import { endAidantLink } from './revoke-aidant';
import { effectiveAidantStatus, mayRevoke } from './rules';

/** The profile's role in a link: the person helped (AIDE) or the one who helps (AIDANT). */
export type AidantSide = 'AIDE' | 'AIDANT';

export type SupportAidantLink = {
  id: string;
  side: AidantSide;
  /** The other person of the link: civil status only (BO: never medical content). */
  other: { profileId: string; name: string; birthDate: string };
  status: AidantLinkStatus;
  invitedAt: Date;
  /** AID-3: the end of the 30 days a PENDING invitation waits. */
  expiresAt: Date;
  respondedAt: Date | null;
  revokedAt: Date | null;
  revokedBy: AidantRevokedBy | null;
  /** AID-6: ended by a CNAM agent on that side's request (its SUPPORT trace). */
  revokedByAgent: boolean;
  /** AID-4: the link gives access right now (lib/aidants/live-links.ts). */
  live: boolean;
  /** AID-6: an agent may end it for this profile's side. */
  endable: boolean;
};

/** Links listed per direction, newest first (an aidé has at most 3 open ones, AID-2; the rest is history). */
export const SUPPORT_LINKS_LIMIT = 50;

const ENDED_BY_AGENT = sql<boolean>`exists (select 1 from access_events e where e.profile_id = l.aided_profile_id
  and e.action = 'profile.aidants.revoke' and e.target_id = l.id::text and e.actor_type = 'SUPPORT' and e.outcome = 'OK')`;

const LINK_COLUMNS = ['l.id', 'l.status', 'l.invited_at', 'l.expires_at', 'l.responded_at', 'l.revoked_at', 'l.revoked_by'] as const;

/**
 * AID-1..6, BO: what a CNAM agent answering the 3422 sees of one beneficiary's aidant links, both ways —
 * its aidants and invitations (as aidé), the people it helps (as aidant) — with the other person's name and
 * date of birth, the status, its dates, who ended it and whether it gives access now. Staff only; a refusal
 * is traced on the profile, the read in the same transaction as the read.
 */
export async function aidantLinksForSupport(db: Db, actor: Actor, profileId: string, now: Date) {
  const { staff } = await ensureStaffOnProfile(db, actor, 'profile.admin.read', profileId, 'profile.aidants.admin-read', now);
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
      .select(['profiles.id', 'profiles.nir', 'profiles.first_names', 'profiles.birth_name', 'profiles.birth_date', 'profiles.state', 'accounts.id as account_id'])
      .where('profiles.id', '=', profileId).executeTakeFirstOrThrow();
    await recordAccess(trx, { actor: staff, action: 'profile.aidants.admin-read', profileId: p.id, at: now, channel: 'BACKOFFICE' });
    // As aidé: the other person is the aidant's own profile (AID-1: an activated account with its profile).
    const asAide = await trx.selectFrom('aidant_links as l').innerJoin('profiles as ap', 'ap.id', 'l.aided_profile_id')
      .innerJoin('accounts as ac', 'ac.id', 'l.aidant_account_id').innerJoin('profiles as op', 'op.id', 'ac.profile_id')
      .select([...LINK_COLUMNS, 'op.id as other_id', 'op.first_names', 'op.birth_name', 'op.birth_date', LIVE_AIDANT_LINK.as('live'), ENDED_BY_AGENT.as('by_agent')])
      .where('l.aided_profile_id', '=', p.id).orderBy('l.invited_at', 'desc').limit(SUPPORT_LINKS_LIMIT).execute();
    // As aidant: the links of the profile's holder account; the other person is the aidé (`ap` for the live rule).
    const asAidant = p.account_id
      ? await trx.selectFrom('aidant_links as l').innerJoin('profiles as ap', 'ap.id', 'l.aided_profile_id')
        .select([...LINK_COLUMNS, 'ap.id as other_id', 'ap.first_names', 'ap.birth_name', 'ap.birth_date', LIVE_AIDANT_LINK.as('live'), ENDED_BY_AGENT.as('by_agent')])
        .where('l.aidant_account_id', '=', p.account_id).orderBy('l.invited_at', 'desc').limit(SUPPORT_LINKS_LIMIT).execute()
      : [];
    const view = (side: AidantSide) => (r: (typeof asAide)[number]): SupportAidantLink => {
      const status = effectiveAidantStatus(r, now);
      return {
        id: r.id, side, other: { profileId: r.other_id, name: `${r.first_names} ${r.birth_name}`, birthDate: r.birth_date },
        status, invitedAt: r.invited_at, expiresAt: r.expires_at, respondedAt: r.responded_at, revokedAt: r.revoked_at,
        revokedBy: r.revoked_by, revokedByAgent: r.status === 'REVOKED' && r.by_agent, live: r.live, endable: mayRevoke(side, status),
      };
    };
    return {
      id: p.id, name: `${p.first_names} ${p.birth_name}`, nirMasked: p.state === 'PURGED' ? null : maskNir(p.nir), state: p.state,
      asAide: asAide.map(view('AIDE')), asAidant: asAidant.map(view('AIDANT')),
    };
  });
}

export type AidantLinksForSupport = Awaited<ReturnType<typeof aidantLinksForSupport>>;

/**
 * AID-6, BO-5: on the holder's request by phone, an agent ends one of the profile's links — as aidé (an
 * aidant or a pending invitation) or as aidant (a help it gives). Same rules, notifications and justificatif
 * as the holder's own revocation (lib/aidants/revoke-aidant.ts); traced SUPPORT. A refusal is traced.
 */
export async function endAidantLinkForSupport(db: Db, actor: Actor, input: { profileId: string; linkId: string }, now: Date) {
  const { staff } = await ensureStaffOnProfile(db, actor, 'profile.aidants.admin', input.profileId, 'profile.aidants.revoke', now);
  const link = await findLink(db, input.linkId);
  const side = link?.aided_profile_id === input.profileId ? 'AIDE' as const : link && link.aidant_profile_id === input.profileId ? 'AIDANT' as const : null;
  if (!link || !side) throw new NotFoundError('Lien d’aidant');
  return endAidantLink(db, staff, link, side, now);
}
