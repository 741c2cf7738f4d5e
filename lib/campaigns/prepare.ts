import { sql } from 'kysely';
import type { Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import { transition } from '@/lib/accounts/lifecycle';
import { hashCode } from '@/lib/accounts/issue-code';
import { recordAccesses } from '@/lib/audit/record-access';
import { codeExpiresAt, generateCodeProvisoire } from '@/lib/auth/codes';

const SYSTEM = { kind: 'SYSTEM', job: 'campaign' } as const;

export type Claimed = {
  id: string; nir: string; kind: 'ADULT' | 'CHILD'; to_email: string | null; profile_id: string | null;
  first_names: string; birth_name: string; postal_address: string | null;
  parent_first_names: string | null; parent_birth_name: string | null;
};
export type Prepared = Claimed & { profileId: string; code: string };

/** The first of a person's first names, as notices and letters greet them. */
export const firstName = (names: string | null) => (names ?? '').split(/\s+/)[0] ?? '';

/**
 * Claims up to `limit` recipients in `status` (locked, skipping those another worker holds). A
 * cancelled campaign still finishes the recipients it already engaged (a profile exists).
 */
export async function claimRecipients(trx: Transaction<DB>, campaignId: string, status: 'QUEUED' | 'LETTER_QUEUED', limit: number): Promise<Claimed[]> {
  const { rows } = await sql<Claimed>`
    with claimed as (
      select r.id from campaign_recipients r join campaigns c on c.id = r.campaign_id
      where r.campaign_id = ${campaignId} and r.status = ${status}
        and (c.status = 'RUNNING' or (c.status = 'CANCELLED' and r.profile_id is not null))
      order by r.id limit ${limit} for update of r skip locked)
    select r.id, r.nir, r.kind, r.to_email, r.profile_id, ip.first_names, ip.birth_name,
      coalesce(parent.postal_address, ip.postal_address) as postal_address,
      parent.first_names as parent_first_names, parent.birth_name as parent_birth_name
    from campaign_recipients r
    left join insured_people ip on ip.nir = r.nir
    left join insured_people parent on parent.nir = ip.parent_nir and r.kind = 'CHILD'
    where r.id in (select id from claimed) order by r.id`.execute(trx);
  return rows;
}

/**
 * ACC-2 T1, CMP-6, CMP-7: one PENDING profile and one fresh code per claimed recipient, set-based, with
 * their traces. A person who got a profile another way since selection (created by an agent, opposed)
 * is skipped: no notice (CMP-1, OPP-7). Returns the recipients to write to, with their codes.
 */
export async function prepareProfiles(trx: Transaction<DB>, claimed: Claimed[], now: Date): Promise<{ ready: Prepared[]; skipped: string[] }> {
  if (claimed.length === 0) return { ready: [], skipped: [] };
  const fresh = claimed.filter((c) => !c.profile_id);
  const { to } = transition(null, 'NOTICE_SENT', 'SYSTEM');
  const created = fresh.length === 0 ? [] : (await sql<{ id: string; nir: string }>`
    insert into profiles (nir, vitale_serial, birth_name, first_names, birth_date, sex, birth_place, email, kind, state, state_changed_at)
    select ip.nir, ip.vitale_serial, ip.birth_name, ip.first_names, ip.birth_date, ip.sex, ip.birth_place, r.to_email, r.kind, ${to}, ${now}
    from campaign_recipients r join insured_people ip on ip.nir = r.nir
    where r.id = any(${fresh.map((c) => c.id)}::bigint[])
    on conflict (nir) do nothing returning id, nir`.execute(trx)).rows;
  const createdByNir = new Map(created.map((p) => [p.nir, p.id]));
  // Engaged earlier (a bounce, a retry): still waiting for its first notice, else nothing more is sent.
  const engaged = claimed.filter((c) => c.profile_id).map((c) => c.profile_id as string);
  const stillWaiting = new Set(engaged.length === 0 ? [] : (await trx.selectFrom('profiles').select('id')
    .where('id', 'in', engaged).where('state', '=', 'PENDING').where('notice_sent_at', 'is', null).execute()).map((p) => p.id));

  const ready: Prepared[] = [];
  const skipped: string[] = [];
  for (const c of claimed) {
    const profileId = c.profile_id ? (stillWaiting.has(c.profile_id) ? c.profile_id : undefined) : createdByNir.get(c.nir);
    if (profileId) ready.push({ ...c, profileId, code: generateCodeProvisoire() });
    else skipped.push(c.id);
  }
  if (ready.length > 0) {
    const ids = ready.map((r) => r.profileId);
    await trx.updateTable('activation_codes').set({ invalidated_at: now })
      .where('profile_id', 'in', ids).where('used_at', 'is', null).where('invalidated_at', 'is', null).execute();
    await sql`insert into activation_codes (profile_id, code_hash, issued_at, expires_at)
      select unnest(${ids}::uuid[]), unnest(${ready.map((r) => hashCode(r.code))}::text[]), ${now}, ${codeExpiresAt(now)}`.execute(trx);
  }
  if (created.length > 0) {
    await recordAccesses(trx, created.map((p) => ({
      actor: SYSTEM, action: 'profile.create', profileId: p.id, at: now, channel: 'WORKER' as const, target: { type: 'profile', id: p.id },
    })));
  }
  if (skipped.length > 0) {
    await trx.updateTable('campaign_recipients').set({ status: 'SKIPPED', lease_until: null })
      .where('id', 'in', skipped).execute();
  }
  return { ready, skipped };
}
