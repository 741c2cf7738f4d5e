import { getDb } from '@/db/client';
import { exportHistoryCsv } from '@/lib/audit/export-history';
import { clock } from '@/lib/clock';
import { downloadHeaders, exportError, readExportRequest } from '../export-request';

/** AUD-5: the history as CSV, streamed batch by batch, with the page's filters. Traced by the use case. */
export async function GET(request: Request) {
  const asked = await readExportRequest(request);
  if (asked instanceof Response) return asked;
  try {
    const { filename, stream } = await exportHistoryCsv(getDb(), asked.actor, asked, clock.now());
    return new Response(stream, { headers: downloadHeaders('text/csv; charset=utf-8', filename) });
  } catch (error) {
    return exportError(error);
  }
}
