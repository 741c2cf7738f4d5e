import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';

export const markInput = z.object({ profileId: z.uuid(), itemId: z.uuid(), status: z.enum(['DONE', 'NOT_DONE']) });
export type MarkInput = z.infer<typeof markInput>;

/**
 * AGD-6: the holder or a representative marks an item « Réalisé » or « Non réalisé » (any window, open or
 * closed); the change and who made it are traced in the same transaction. Another account's profile is
 * refused and traced by the guard.
 */
export async function markPreventionItem(db: Db, actor: Actor, input: MarkInput, now: Date): Promise<void> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'prevention.item.mark', now);
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('prevention_items')
      .set({ status: input.status, status_source: 'USER', set_by_account: actor.kind === 'PATIENT' ? actor.accountId : null, updated_at: now })
      .where('id', '=', input.itemId).where('profile_id', '=', p.id).returning('id').executeTakeFirst();
    if (!updated) throw new NotFoundError('Examen ou vaccination');
    await recordAccess(trx, { actor, action: 'prevention.item.mark', profileId: p.id, target: { type: 'prevention_item', id: updated.id }, at: now });
  });
}
