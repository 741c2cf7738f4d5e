import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { EmergencyMode } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ensureStaff } from '@/lib/access/staff-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { maskNir } from '@/lib/identity/nir';
import { EMERGENCY_REASONS } from './rules';

/**
 * EMG-7: the back-office's per-professional report of emergency accesses (bris de glace and SAMU
 * regulation): every access, newest first, with the patient's NIR masked (ID-10), and the count per
 * month (Europe/Paris). Staff only, through the policy; reading it is itself traced (AUD-1, AUD-6).
 */
export const REPORT_PAGE_SIZE = 50;

export type ReportAccess = {
  id: string; startedAt: Date; expiresAt: Date; running: boolean; nirMasked: string; mode: EmergencyMode;
  reason: string; justification: string; durationMinutes: number;
};
export type ReportMonth = { month: string; total: number; emergency: number; regulation: number };
export type EmergencyReport = {
  professional: { rpps: string; name: string; profession: string; regulationCentre: boolean } | null;
  accesses: ReportAccess[]; olderCursor: string | null; months: ReportMonth[];
};

const RPPS = /^\d{11}$/;

export async function emergencyReport(db: Db, actor: Actor, input: { rpps: string; before?: string }, now: Date): Promise<EmergencyReport> {
  await ensureStaff(db, actor, 'emergency.report', 'emergency.report', now);
  const rpps = input.rpps.replace(/\s+/g, '');
  if (!RPPS.test(rpps)) throw new ValidationError('rpps.invalid', 'Saisissez le numéro RPPS du professionnel : 11 chiffres.', 'rpps');
  return db.transaction().execute(async (trx) => {
    await recordAccess(trx, { actor, action: 'emergency.report', profileId: null, target: { type: 'professional', id: rpps }, at: now, channel: 'BACKOFFICE' });
    const pro = await trx.selectFrom('professionals').select(['id', 'given_name', 'family_name', 'profession_label', 'regulation_centre'])
      .where('rpps', '=', rpps).executeTakeFirst();
    if (!pro) return { professional: null, accesses: [], olderCursor: null, months: [] };
    let page = trx.selectFrom('emergency_accesses as e').innerJoin('profiles as p', 'p.id', 'e.profile_id')
      .select(['e.id', 'e.started_at', 'e.expires_at', 'e.mode', 'e.reason_code', 'e.justification', 'p.nir'])
      .where('e.professional_id', '=', pro.id);
    if (input.before && /^[0-9a-f-]{36}$/i.test(input.before)) {
      page = page.where(sql<boolean>`(e.started_at, e.id) < (select c.started_at, c.id from emergency_accesses c
        where c.id = ${input.before} and c.professional_id = ${pro.id})`);
    }
    const [rows, months] = await Promise.all([
      page.orderBy('e.started_at', 'desc').orderBy('e.id', 'desc').limit(REPORT_PAGE_SIZE + 1).execute(),
      sql<{ month: string; total: string; emergency: string; regulation: string }>`
        select to_char(started_at at time zone 'Europe/Paris', 'YYYY-MM') as month, count(*) as total,
          count(*) filter (where mode = 'EMERGENCY') as emergency, count(*) filter (where mode = 'REGULATION') as regulation
        from emergency_accesses where professional_id = ${pro.id} group by 1 order by 1 desc`.execute(trx),
    ]);
    const accesses = rows.slice(0, REPORT_PAGE_SIZE).map((r): ReportAccess => ({
      id: r.id, startedAt: r.started_at, expiresAt: r.expires_at, running: r.expires_at > now, nirMasked: maskNir(r.nir), mode: r.mode,
      reason: EMERGENCY_REASONS[r.reason_code as keyof typeof EMERGENCY_REASONS] ?? r.reason_code, justification: r.justification,
      durationMinutes: Math.round((r.expires_at.getTime() - r.started_at.getTime()) / 60_000),
    }));
    return {
      professional: { rpps, name: `${pro.given_name} ${pro.family_name}`.trim(), profession: pro.profession_label, regulationCentre: pro.regulation_centre },
      accesses, olderCursor: rows.length > REPORT_PAGE_SIZE ? accesses[accesses.length - 1]!.id : null,
      months: months.rows.map((m) => ({ month: m.month, total: Number(m.total), emergency: Number(m.emergency), regulation: Number(m.regulation) })),
    };
  });
}
