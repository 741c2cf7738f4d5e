import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensurePatientSide, proLabelSql } from './patient-side';
import { isContactable } from './rules';

export type ContactablePro = { professionalId: string; label: string };

/** The conversations facts MSG-3(a) needs, per professional, for one profile. */
export async function contactableIds(db: Db, profileId: string): Promise<Map<string, string>> {
  const rows = await db.selectFrom('conversations as c').innerJoin('professionals as pr', 'pr.id', 'c.professional_id')
    .select(['c.professional_id', 'c.opened_at', 'c.closed_at']).select(proLabelSql.as('label'))
    .select((eb) => eb.exists(eb.selectFrom('messages as m').select('m.id').whereRef('m.conversation_id', '=', 'c.id')
      .where('m.author_kind', '=', 'PS').where('m.status', '=', 'DELIVERED')).as('ps_wrote'))
    .where('c.profile_id', '=', profileId).where('pr.inactive_since', 'is', null)
    .$narrowType<{ professional_id: string }>().execute(); // the inner join: a professional's conversations only // MSG-11: never one who stopped practising
  const byPro = new Map<string, { label: string; list: { openedAt: Date; closedAt: Date | null; psWrote: boolean }[] }>();
  for (const r of rows) {
    const entry = byPro.get(r.professional_id) ?? { label: r.label, list: [] };
    entry.list.push({ openedAt: r.opened_at, closedAt: r.closed_at, psWrote: Boolean(r.ps_wrote) });
    byPro.set(r.professional_id, entry);
  }
  return new Map([...byPro].filter(([, e]) => isContactable(e.list)).map(([id, e]) => [id, e.label]));
}

/**
 * MSG-3(a) « Professionnels de santé contactables »: the PS who already wrote to this profile and whose
 * latest conversation with it is open. MSG-3(b) (pharmacies already visited): visited-pharmacies.ts.
 */
export async function contactableProfessionals(db: Db, actor: Actor, profileId: string, now: Date): Promise<ContactablePro[]> {
  await ensurePatientSide(db, actor, 'message.read', profileId, 'message.read', now);
  const ids = await contactableIds(db, profileId);
  return [...ids].map(([professionalId, label]) => ({ professionalId, label })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}
