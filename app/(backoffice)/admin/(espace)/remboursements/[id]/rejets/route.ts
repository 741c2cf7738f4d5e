import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { careHistoryRejectionReport } from '@/lib/care-history/imports-read';
import { clock } from '@/lib/clock';

/** HIS-1: the rejection report of a feed import as CSV (line, column, French reason), streamed. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAudience('staff');
  const { id } = await params;
  const csv = stringify({ delimiter: ';', header: true, bom: true, columns: ['ligne', 'colonne', 'motif'] });
  void (async () => {
    for await (const r of careHistoryRejectionReport(getDb(), actor, id, clock.now())) {
      if (!csv.write([r.line_no, r.column_name, r.reason])) await new Promise((resolve) => csv.once('drain', resolve));
    }
    csv.end();
  })().catch((error: Error) => csv.destroy(error));
  return new Response(Readable.toWeb(csv) as ReadableStream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="rejets-remboursements-${id.slice(0, 8)}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
