import { sql } from 'kysely';
import type { Db } from '@/db/client';
import { SYSTEM, type Actor } from '@/lib/access/actor';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { enqueue } from '@/lib/queue/outbox';

const BATCH = 500;

/**
 * VIS-3..5: "Je masque tous mes documents et ma rubrique histoire de santé". The default flips at once
 * (new documents arrive masked, HIS follows mask-all: HIS-5); existing documents go through a job,
 * queued in the same transaction. Turning it off removes only the BULK masks (VIS-4).
 */
export async function setMaskAll(db: Db, actor: Actor, input: { profileId: string; mask: boolean }, now: Date): Promise<{ runId: string }> {
  await ensureOnProfile(db, actor, 'privacy.manage', input.profileId, 'privacy.mask-all', now);
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('privacy_settings').values({ profile_id: input.profileId, mask_all: input.mask, updated_at: now })
      .onConflict((oc) => oc.column('profile_id').doUpdateSet({ mask_all: input.mask, updated_at: now })).execute();
    const run = await trx.insertInto('mask_all_runs').values({ profile_id: input.profileId, mask: input.mask, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'mask-all', runId: run.id });
    await recordAccess(trx, { actor, action: input.mask ? 'privacy.mask-all.on' : 'privacy.mask-all.off', profileId: input.profileId, at: now });
    return { runId: run.id };
  });
}

/** VIS-5: "Réessayer" after a run that could not (un)mask every document: a new run of the same switch. */
export async function retryMaskAll(db: Db, actor: Actor, profileId: string, now: Date): Promise<{ runId: string }> {
  await ensureOnProfile(db, actor, 'privacy.manage', profileId, 'privacy.mask-all.retry', now);
  return db.transaction().execute(async (trx) => {
    const settings = await trx.selectFrom('privacy_settings').select('mask_all').where('profile_id', '=', profileId).executeTakeFirst();
    const run = await trx.insertInto('mask_all_runs').values({ profile_id: profileId, mask: settings?.mask_all ?? false, created_at: now })
      .returning('id').executeTakeFirstOrThrow();
    await enqueue(trx, { kind: 'mask-all', runId: run.id });
    return { runId: run.id };
  });
}

/**
 * The job: batches of 500 documents, each batch one statement. A document being changed elsewhere
 * at that moment (row locked) is skipped and counted as failed, for the patient to retry. A run
 * whose switch was flipped again since is superseded by the newer run. Idempotent: a second
 * execution of a finished run does nothing.
 */
export async function runMaskAll(db: Db, runId: string, now: Date): Promise<{ changed: number; failed: number } | undefined> {
  const run = await db.selectFrom('mask_all_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!run || run.status !== 'PENDING') return undefined;
  const settings = await db.selectFrom('privacy_settings').select('mask_all').where('profile_id', '=', run.profile_id).executeTakeFirst();
  if ((settings?.mask_all ?? false) !== run.mask) {
    await db.updateTable('mask_all_runs').set({ status: 'SUPERSEDED', finished_at: now }).where('id', '=', runId).execute();
    return undefined;
  }
  // VIS-10: an invisible_patient document stays unmasked; it gets the BULK mask when the flag is lifted.
  const pending = run.mask
    ? sql<boolean>`status in ('ACTIVE', 'OBSOLETE') and masque_ps = false and invisible_patient = false`
    : sql<boolean>`mask_origin = 'BULK'`;
  let changed = 0;
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const updated = await sql<{ id: string }>`
        update documents set masque_ps = ${run.mask}, mask_origin = ${run.mask ? 'BULK' : null}, updated_at = ${now}
        where id in (select id from documents where profile_id = ${run.profile_id} and ${pending}
          order by id limit ${BATCH} for update skip locked)
        returning id`.execute(trx);
      return updated.rows.length;
    });
    changed += batch;
    if (batch < BATCH) break;
  }
  const left = await db.selectFrom('documents').select(db.fn.countAll<string>().as('n'))
    .where('profile_id', '=', run.profile_id).where(pending).executeTakeFirstOrThrow();
  const failed = Number(left.n);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('mask_all_runs').set({ status: failed ? 'FAILED' : 'DONE', changed, failed, finished_at: now }).where('id', '=', runId).execute();
    await recordAccess(trx, { actor: { ...SYSTEM, job: 'mask-all' }, action: run.mask ? 'privacy.mask-all.applied' : 'privacy.mask-all.removed',
      profileId: run.profile_id, target: { type: 'mask-all-run', id: runId }, at: now, channel: 'WORKER' });
  });
  return { changed, failed };
}

/** What the confidentiality page shows: the switch and the last run's outcome (VIS-5). */
export async function maskAllStatus(db: Db, profileId: string) {
  const [settings, run] = await Promise.all([
    db.selectFrom('privacy_settings').select('mask_all').where('profile_id', '=', profileId).executeTakeFirst(),
    db.selectFrom('mask_all_runs').selectAll().where('profile_id', '=', profileId).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  return { maskAll: settings?.mask_all ?? false, lastRun: run };
}
