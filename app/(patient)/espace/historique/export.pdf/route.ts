import { getDb } from '@/db/client';
import { exportHistoryPdf } from '@/lib/audit/export-history';
import { clock } from '@/lib/clock';
import { downloadHeaders, exportError, readExportRequest } from '../export-request';

/** AUD-5: the history as a paginated PDF table, with the page's filters. Traced by the use case. */
export async function GET(request: Request) {
  const asked = await readExportRequest(request);
  if (asked instanceof Response) return asked;
  try {
    const { filename, pdf } = await exportHistoryPdf(getDb(), asked.actor, asked, clock.now());
    return new Response(Buffer.from(pdf), { headers: { ...downloadHeaders('application/pdf', filename), 'content-length': String(pdf.byteLength) } });
  } catch (error) {
    return exportError(error);
  }
}
