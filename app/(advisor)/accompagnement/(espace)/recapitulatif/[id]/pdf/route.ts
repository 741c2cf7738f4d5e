import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { renderSummaryPdf, visitSummary } from '@/lib/france-services/visits/summary';

/** FS-3: the visit's summary as a PDF, for its own advisor only (any other id: 404). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const advisor = await requireAudience('advisor');
  const { id } = await params;
  const notFound = () => new Response('Récapitulatif introuvable', { status: 404 });
  if (!/^[0-9a-f-]{36}$/.test(id)) return notFound();
  const summary = await visitSummary(getDb(), advisor, id, clock.now()).catch((e) => { if (e instanceof DomainError) return null; throw e; });
  if (!summary) return notFound();
  return new Response(Buffer.from(await renderSummaryPdf(summary)), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': 'inline; filename="recapitulatif-accompagnement.pdf"', 'cache-control': 'no-store' },
  });
}
