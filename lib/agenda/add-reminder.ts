import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { parisDay } from '@/lib/campaigns/window';
import { ValidationError } from '@/lib/errors';
import { accountOf, inTransaction } from './agenda-rows';
import { REMINDERS_PER_DAY, TOO_MANY_REMINDERS, reminderDueAt, type ReminderInput } from './rules';

/** Advisory lock class of « reminders of one profile on one date » (AGD-4). */
const LOCK_CLASS = 7401;

/**
 * AGD-4: the patient side adds a reminder; at most 10 per date per profile — the count and the insert
 * run under a transaction lock on (profile, date), so an 11th is refused even when two are sent at once.
 * AGD-5: `remind_at` is 08:00 Paris on the date or the day before; a time already past when the reminder
 * is created sends nothing (it is marked reminded), so the next morning's job does not send it late.
 */
export async function addReminder(db: Db, actor: Actor, input: ReminderInput & { profileId: string }, now: Date): Promise<{ reminderId: string }> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', input.profileId, 'agenda.reminder.add', now);
  if (input.dueOn < parisDay(now)) throw new ValidationError('reminder.past', 'La date du rappel ne peut pas être passée.', 'dueOn');
  const remindAt = reminderDueAt(input.dueOn, input.remind);
  const outcome = await inTransaction(db, async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_CLASS}, hashtext(${`${profile.id}:${input.dueOn}`}))`.execute(trx);
    const { count } = await trx.selectFrom('reminders').select((eb) => eb.fn.countAll<string>().as('count'))
      .where('profile_id', '=', profile.id).where('due_on', '=', input.dueOn).executeTakeFirstOrThrow();
    if (Number(count) >= REMINDERS_PER_DAY) return { refused: true as const };
    const { id } = await trx.insertInto('reminders').values({
      profile_id: profile.id, title: input.title, due_on: input.dueOn, note: input.note, remind: input.remind, remind_at: remindAt,
      reminded_at: remindAt <= now ? now : null, created_by_account: accountOf(actor), created_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    await recordAccess(trx, { actor, action: 'agenda.reminder.add', profileId: profile.id, target: { type: 'reminder', id }, at: now });
    return { refused: false as const, id };
  });
  if (!outcome.refused) return { reminderId: outcome.id };
  await recordAccess(db, { actor, action: 'agenda.reminder.add', profileId: profile.id, denied: 'too-many-reminders', at: now });
  throw new ValidationError('reminder.too-many', TOO_MANY_REMINDERS, 'dueOn');
}
