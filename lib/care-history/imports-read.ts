import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';

/** HIS-1 back-office read side: the feed imports, one import's counts, and its rejection report. */
async function ensureStaff(db: Db, actor: Actor, now: Date) {
  const decision = authorize(actor, 'care-history.import');
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: 'care-history.import.read', profileId: null, decision, at: now, channel: 'BACKOFFICE' });
    throw new AccessDeniedError(decision.reason);
  }
}

export async function listCareHistoryImports(db: Db, actor: Actor, now: Date) {
  await ensureStaff(db, actor, now);
  return db.selectFrom('care_history_imports').selectAll().orderBy('created_at', 'desc').limit(50).execute();
}

export async function getCareHistoryImport(db: Db, actor: Actor, importId: string, now: Date) {
  await ensureStaff(db, actor, now);
  const row = await db.selectFrom('care_history_imports').selectAll().where('id', '=', importId).executeTakeFirst();
  if (!row) throw new NotFoundError('Import');
  const sample = await db.selectFrom('care_history_import_rejections').select(['line_no', 'column_name', 'reason'])
    .where('import_id', '=', importId).orderBy('line_no').orderBy('id').limit(20).execute();
  return { ...row, sample };
}

/** The whole report in line order, read with a (line, id) keyset cursor so a million rejections stream. */
export async function* careHistoryRejectionReport(db: Db, actor: Actor, importId: string, now: Date) {
  await ensureStaff(db, actor, now);
  let cursor: { line: number; id: string } = { line: -1, id: '0' };
  for (;;) {
    const rows = await db.selectFrom('care_history_import_rejections').select(['id', 'line_no', 'column_name', 'reason'])
      .where('import_id', '=', importId)
      .where((eb) => eb.or([eb('line_no', '>', cursor.line), eb.and([eb('line_no', '=', cursor.line), eb('id', '>', cursor.id)])]))
      .orderBy('line_no').orderBy('id').limit(10_000).execute();
    if (rows.length === 0) return;
    yield* rows;
    const last = rows[rows.length - 1]!;
    cursor = { line: last.line_no, id: last.id };
  }
}
