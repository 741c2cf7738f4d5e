import type { Db } from '@/db/client';
import { addDays, parisDay } from '@/lib/campaigns/window';
import { parisLocalToUtc } from '@/lib/measures/paris-time';
import { notify } from '@/lib/notifications/notify';
import { filedOnOrBeforeForReview, nextReviewDay } from './directives-anniversary';

const BATCH = 500;
const NO_PROFILE = '00000000-0000-0000-0000-000000000000';

/**
 * PRF-4: the daily job that reminds each ACTIVE profile to re-read its directives anticipées on every
 * anniversary of their filing (directives-anniversary.ts). Due: the current DIR_ANT document has no
 * reminder yet and was filed a year ago or more, or its next anniversary (`directives_reviews`) has
 * come. Replacing the directives restarts the clock: the row then names another document.
 *
 * Set-based, in batches walking the profiles in id order (one query per batch, never one per profile
 * to find them). Idempotent: a batch claims its rows by moving `next_due_on` past today (an upsert that
 * changes nothing for a row already claimed today) and notifies only the claimed ones, in the same
 * transaction: a second run the same day sends nothing; a run after days of downtime sends one reminder.
 */
export async function remindDirectivesReviews(db: Db, now: Date): Promise<{ reminded: number }> {
  const today = parisDay(now);
  // Filed before the start of the Paris day after the cutoff ⇔ filed on or before the cutoff day.
  const filedBefore = parisLocalToUtc(addDays(filedOnOrBeforeForReview(today), 1), '00:00');
  let after = NO_PROFILE;
  let reminded = 0;
  for (;;) {
    const due = await db.selectFrom('documents as d')
      .innerJoin('profiles as p', 'p.id', 'd.profile_id')
      .leftJoin('directives_reviews as r', (join) => join.onRef('r.profile_id', '=', 'd.profile_id').onRef('r.document_id', '=', 'd.id'))
      .select(['d.profile_id as profileId', 'd.id as documentId', 'd.created_at as filedAt'])
      .where('d.category', '=', 'DIR_ANT').where('d.status', '=', 'ACTIVE').where('p.state', '=', 'ACTIVE')
      .where('d.profile_id', '>', after)
      .where((eb) => eb.or([
        eb.and([eb('r.profile_id', 'is', null), eb('d.created_at', '<', filedBefore)]),
        eb('r.next_due_on', '<=', today),
      ]))
      .orderBy('d.profile_id').limit(BATCH).execute();
    if (due.length === 0) break;
    reminded += await db.transaction().execute(async (trx) => {
      const claimed = await trx.insertInto('directives_reviews')
        .values(due.map((r) => ({ profile_id: r.profileId, document_id: r.documentId, next_due_on: nextReviewDay(parisDay(r.filedAt), today), reminded_at: now })))
        .onConflict((oc) => oc.column('profile_id')
          .doUpdateSet((eb) => ({ document_id: eb.ref('excluded.document_id'), next_due_on: eb.ref('excluded.next_due_on'), reminded_at: eb.ref('excluded.reminded_at') }))
          .where((eb) => eb.or([eb('directives_reviews.document_id', '<>', eb.ref('excluded.document_id')), eb('directives_reviews.next_due_on', '<=', today)])))
        .returning('profile_id').execute();
      for (const { profile_id } of claimed) await notify(trx, { profileId: profile_id, kind: 'DIRECTIVES_REVIEW', at: now });
      return claimed.length;
    });
    after = due[due.length - 1]!.profileId;
    if (due.length < BATCH) break;
  }
  return { reminded };
}
