import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';

/** BO: a beneficiary's administrative summary (masked NIR, state, notice). The read is traced. */
export async function getBeneficiarySummary(db: Db, actor: Actor, profileId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const p = await trx.selectFrom('profiles').leftJoin('accounts', 'accounts.profile_id', 'profiles.id')
      .select(['profiles.id', 'profiles.nir', 'profiles.birth_name', 'profiles.first_names', 'profiles.birth_date', 'profiles.email',
        'profiles.state', 'profiles.notice_sent_at', 'profiles.opposition_deadline', 'profiles.created_at', 'accounts.id as holder'])
      .where('profiles.id', '=', profileId).executeTakeFirst();
    if (!p) throw new NotFoundError('Profil');
    const decision = authorize(actor, 'profile.admin.read', { profile: { id: p.id, state: p.state, holderAccountId: p.holder } });
    await recordAccess(trx, { actor, action: 'profile.admin.read', profileId: p.id, decision, at: now, channel: 'BACKOFFICE' });
    if (!decision.allowed) throw new AccessDeniedError(decision.reason);
    const notice = await trx.selectFrom('outbox').select(['status', 'last_error', 'done_at'])
      .where('kind', '=', 'email').where(sql<string>`payload->>'profileId'`, '=', p.id)
      .orderBy('id', 'desc').limit(1).executeTakeFirst();
    const oppositions = await trx.selectFrom('oppositions').select(['id', 'receipt_number', 'channel', 'received_at'])
      .where('profile_id', '=', p.id).orderBy('received_at').execute();
    // A notice sent by a campaign (CMP-3): its channel and status, latest first.
    const campaignNotice = await trx.selectFrom('campaign_recipients').innerJoin('campaigns', 'campaigns.id', 'campaign_recipients.campaign_id')
      .select(['campaigns.name as campaign', 'campaign_recipients.channel', 'campaign_recipients.status', 'campaign_recipients.sent_at', 'campaign_recipients.uncertain'])
      .where('campaign_recipients.profile_id', '=', p.id).orderBy('campaign_recipients.id', 'desc').limit(1).executeTakeFirst();
    return {
      oppositions, campaignNotice: campaignNotice ?? null, birthName: p.birth_name, firstNames: p.first_names,
      id: p.id, nirMasked: maskNir(p.nir), name: `${p.first_names} ${p.birth_name}`, birthDate: p.birth_date, email: p.email,
      state: p.state, noticeSentAt: p.notice_sent_at, oppositionDeadline: p.opposition_deadline, noticeStatus: notice?.status ?? null,
    };
  });
}
