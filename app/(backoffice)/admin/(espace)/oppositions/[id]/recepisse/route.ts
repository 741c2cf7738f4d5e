import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { findReceipt, renderReceiptPdf } from '@/lib/oppositions/receipt';

/** BO-2 / OPP-6: staff download any receipt (to print and post it when there is no email). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  await requireAudience('staff');
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) return new Response('Récépissé introuvable', { status: 404 });
  const receipt = await findReceipt(getDb(), id).catch(() => null);
  if (!receipt) return new Response('Récépissé introuvable', { status: 404 });
  return new Response(Buffer.from(await renderReceiptPdf(receipt)), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="recepisse-${receipt.number}.pdf"`, 'cache-control': 'no-store' },
  });
}
