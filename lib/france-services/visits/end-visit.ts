import type { Db } from '@/db/client';
import { recordAccess } from '@/lib/audit/record-access';
import type { AdvisorInVisit } from './guard';

/**
 * FS-2: « Terminer l’accompagnement ». The advisor ends their active visit (the caller got it from
 * requireActiveVisit); nothing more can be done for the person until a new visit starts. Traced ASSISTED.
 */
export async function endVisit(db: Db, actor: AdvisorInVisit, now: Date): Promise<string> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('assisted_visits').set({ ended_at: now, end_reason: 'ENDED' })
      .where('id', '=', actor.visit.id).where('advisor_id', '=', actor.staffId).where('ended_at', 'is', null).execute();
    await recordAccess(trx, { actor, action: 'assisted-visit.end', profileId: null, at: now, target: { type: 'assisted-visit', id: actor.visit.id } });
  });
  return actor.visit.id;
}
