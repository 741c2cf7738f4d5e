import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { visitReceipt } from '@/lib/france-services/visits/assisted-actions';
import { requireActiveVisit } from '@/lib/france-services/visits/guard';
import { DomainError } from '@/lib/errors';
import { findReceipt, renderReceiptPdf } from '@/lib/oppositions/receipt';

/** OPP-6, FS-3: the printed receipt of an opposition made during this advisor's active visit; any other id: 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const advisor = await requireAudience('advisor');
  const { id } = await params;
  const notFound = () => new Response('Récépissé introuvable', { status: 404 });
  if (!/^[0-9a-f-]{36}$/.test(id)) return notFound();
  const db = getDb();
  const inVisit = await requireActiveVisit(db, advisor, clock.now()).catch((e) => { if (e instanceof DomainError) return null; throw e; });
  if (!inVisit || !(await visitReceipt(db, inVisit, id))) return notFound();
  const receipt = await findReceipt(db, id);
  return new Response(Buffer.from(await renderReceiptPdf(receipt)), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `inline; filename="recepisse-${receipt.number}.pdf"`, 'cache-control': 'no-store' },
  });
}
