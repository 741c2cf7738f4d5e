import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { NotFoundError } from '@/lib/errors';
import { inTransaction } from './agenda-rows';

/** AGD-4: the patient side deletes a reminder of the profile (freeing its place in the day's 10). Traced, refusals too. */
export async function deleteReminder(db: Db, actor: Actor, input: { profileId: string; reminderId: string }, now: Date): Promise<void> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'agenda.reminder.delete', now);
  const target = { type: 'reminder', id: input.reminderId };
  const deleted = await inTransaction(db, async (trx) => {
    const row = await trx.deleteFrom('reminders').where('id', '=', input.reminderId).where('profile_id', '=', profile.id)
      .returning('id').executeTakeFirst();
    if (row) await recordAccess(trx, { actor, action: 'agenda.reminder.delete', profileId: profile.id, target, at: now });
    return Boolean(row);
  });
  if (deleted) return;
  await recordAccess(db, { actor, action: 'agenda.reminder.delete', profileId: profile.id, target, denied: 'not-found', at: now });
  throw new NotFoundError('Rappel');
}
