import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { AidantLinkStatus } from '@/db/schema';
import { effectiveAidantStatus } from './rules';

/**
 * AID-2: serialises decisions on one aidé and one aidant (row locks, always aidé first), records the
 * invitations whose 30 days are over (AID-3: so they neither count nor block a new one) and counts the
 * open links of each side (PENDING and ACCEPTED).
 */
export async function lockAndCount(trx: Db, aidedProfileId: string, aidantAccountId: string, now: Date) {
  await trx.selectFrom('profiles').select('id').where('id', '=', aidedProfileId).forUpdate().execute();
  await trx.selectFrom('accounts').select('id').where('id', '=', aidantAccountId).forUpdate().execute();
  await trx.updateTable('aidant_links').set({ status: 'EXPIRED' }).where('status', '=', 'PENDING').where('expires_at', '<=', now)
    .where((eb) => eb.or([eb('aided_profile_id', '=', aidedProfileId), eb('aidant_account_id', '=', aidantAccountId)])).execute();
  const counts = await trx.selectFrom('aidant_links')
    .select(sql<string>`count(*) filter (where aided_profile_id = ${aidedProfileId})`.as('for_aide'))
    .select(sql<string>`count(*) filter (where aidant_account_id = ${aidantAccountId})`.as('for_aidant'))
    .select(sql<string>`count(*) filter (where aidant_account_id = ${aidantAccountId} and status = 'ACCEPTED')`.as('accepted_for_aidant'))
    .select(sql<string>`count(*) filter (where aided_profile_id = ${aidedProfileId} and aidant_account_id = ${aidantAccountId})`.as('pair'))
    .where('status', 'in', ['PENDING', 'ACCEPTED'])
    .where((eb) => eb.or([eb('aided_profile_id', '=', aidedProfileId), eb('aidant_account_id', '=', aidantAccountId)]))
    .executeTakeFirstOrThrow();
  return { forAide: Number(counts.for_aide), forAidant: Number(counts.for_aidant), acceptedForAidant: Number(counts.accepted_for_aidant), pair: Number(counts.pair) };
}

const personName = (first: string, birth: string) => `${first.split(' ')[0] ?? ''} ${birth}`.trim();

/** One link with both people's names and birth dates (for the use cases, the justificatif and the pages). */
export async function findLink(db: Db, linkId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(linkId)) return undefined;
  const row = await db.selectFrom('aidant_links as l')
    .innerJoin('profiles as ap', 'ap.id', 'l.aided_profile_id')
    .innerJoin('accounts as ac', 'ac.id', 'l.aidant_account_id').innerJoin('profiles as gp', 'gp.id', 'ac.profile_id')
    .select(['l.id', 'l.aided_profile_id', 'l.aidant_account_id', 'l.invited_by_account_id', 'l.status', 'l.invited_at', 'l.expires_at',
      'l.responded_at', 'l.revoked_at', 'l.revoked_by', 'l.justificatif_document_id', 'ac.profile_id as aidant_profile_id',
      'ap.state as aide_state', 'ap.first_names as aide_first_names', 'ap.birth_name as aide_birth_name', 'ap.birth_date as aide_birth_date',
      'gp.first_names as aidant_first_names', 'gp.birth_name as aidant_birth_name', 'gp.birth_date as aidant_birth_date'])
    .where('l.id', '=', linkId).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, aideName: personName(row.aide_first_names, row.aide_birth_name), aidantName: personName(row.aidant_first_names, row.aidant_birth_name) };
}
export type LinkRow = NonNullable<Awaited<ReturnType<typeof findLink>>>;

export type AidantLinkView = {
  id: string; status: AidantLinkStatus; name: string; invitedAt: Date; expiresAt: Date; respondedAt: Date | null;
  revokedAt: Date | null; revokedBy: 'AIDE' | 'AIDANT' | 'SYSTEM' | null; aideState: string; profileId: string;
};

/** AID-3: the aidé's links (its aidants and invitations), newest first, with their effective status. */
export async function linksOfAide(db: Db, profileId: string, now: Date): Promise<AidantLinkView[]> {
  const rows = await db.selectFrom('aidant_links as l').innerJoin('accounts as ac', 'ac.id', 'l.aidant_account_id')
    .innerJoin('profiles as gp', 'gp.id', 'ac.profile_id').innerJoin('profiles as ap', 'ap.id', 'l.aided_profile_id')
    .select(['l.id', 'l.status', 'l.expires_at', 'l.invited_at', 'l.responded_at', 'l.revoked_at', 'l.revoked_by', 'gp.first_names', 'gp.birth_name',
      'ap.state', 'l.aided_profile_id'])
    .where('l.aided_profile_id', '=', profileId).orderBy('l.invited_at', 'desc').limit(50).execute();
  return rows.map((r) => ({ id: r.id, status: effectiveAidantStatus(r, now), name: personName(r.first_names, r.birth_name), invitedAt: r.invited_at,
    expiresAt: r.expires_at, respondedAt: r.responded_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by, aideState: r.state, profileId: r.aided_profile_id }));
}

/** AID-3, AID-6: the links of an aidant (invitations received, people helped, ended ones), newest first. */
export async function linksOfAidant(db: Db, accountId: string, now: Date): Promise<AidantLinkView[]> {
  const rows = await db.selectFrom('aidant_links as l').innerJoin('profiles as ap', 'ap.id', 'l.aided_profile_id')
    .select(['l.id', 'l.status', 'l.expires_at', 'l.invited_at', 'l.responded_at', 'l.revoked_at', 'l.revoked_by', 'ap.first_names', 'ap.birth_name',
      'ap.state', 'l.aided_profile_id'])
    .where('l.aidant_account_id', '=', accountId).orderBy('l.invited_at', 'desc').limit(50).execute();
  return rows.map((r) => ({ id: r.id, status: effectiveAidantStatus(r, now), name: personName(r.first_names, r.birth_name), invitedAt: r.invited_at,
    expiresAt: r.expires_at, respondedAt: r.responded_at, revokedAt: r.revoked_at, revokedBy: r.revoked_by, aideState: r.state, profileId: r.aided_profile_id }));
}
