import { stringify } from 'csv-stringify/sync';
import { getDb } from '@/db/client';
import { MATRIX_CSV_COLUMNS, matrixCsvRows } from '@/lib/access-matrix/csv';
import { matrixInForceRules } from '@/lib/access-matrix/read-matrix';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';

/** BO-7: the version in force as the CSV a supervisor edits and uploads as the next version. */
export async function GET() {
  const actor = await requireAudience('staff');
  const { version, rules } = await matrixInForceRules(getDb(), actor, clock.now());
  const csv = stringify(matrixCsvRows(rules), { delimiter: ';', header: true, columns: [...MATRIX_CSV_COLUMNS], bom: true });
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="matrice-habilitation-v${version?.number ?? 0}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
