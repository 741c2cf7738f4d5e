import type { Db } from '@/db/client';
import { DEFAULT_MATRIX } from './default-matrix';
import { forgetMatrixVersions } from './matrix';
import { insertMatrixVersion } from './publish-version';

/** PRO-9: the default version 1, inserted once (skipped when a version 1 exists: versions never change). */
export async function ensureDefaultMatrix(db: Db): Promise<void> {
  const found = await db.selectFrom('matrix_versions').select('id').where('number', '=', DEFAULT_MATRIX.number).executeTakeFirst();
  if (found) return;
  await db.transaction().execute((trx) => insertMatrixVersion(trx, {
    number: DEFAULT_MATRIX.number, effectiveFrom: DEFAULT_MATRIX.effectiveFrom, note: DEFAULT_MATRIX.note, createdBy: null, rules: DEFAULT_MATRIX.rules,
  }));
  forgetMatrixVersions();
}
