import { z } from 'zod';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { parseInput } from './parse';

export const markInactiveSchema = z.object({
  professionalId: z.string().uuid('Professionnel introuvable.'),
  /** false: the professional practises again (a mistake corrected). */
  inactive: z.boolean(),
});

/**
 * MSG-11: the back-office records that a professional no longer practises (or again does). Patients
 * then see a warning in their conversations with them and can no longer write to them. Staff only
 * (policy), traced on the global chain (no profile) with the professional as target.
 */
export async function markProfessionalInactive(db: Db, actor: Actor, raw: z.input<typeof markInactiveSchema>, now: Date): Promise<void> {
  const input = parseInput(markInactiveSchema, raw);
  const decision = authorize(actor, 'professional.inactive.mark');
  const target = { type: 'professional', id: input.professionalId };
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'professional.inactive.mark', profileId: null, target, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
  await db.transaction().execute(async (trx) => {
    const updated = await trx.updateTable('professionals')
      .set((eb) => ({ inactive_since: input.inactive ? eb.fn.coalesce('inactive_since', eb.val(now)) : null }))
      .where('id', '=', input.professionalId).returning('id').executeTakeFirst();
    if (!updated) throw new NotFoundError('Professionnel');
    await recordAccess(trx, { actor, action: input.inactive ? 'professional.inactive.mark' : 'professional.inactive.unmark', profileId: null,
      target, at: now, channel: 'BACKOFFICE' });
  });
}
