import { getDb } from '@/db/client';
import { findReceipt, renderReceiptPdf } from '@/lib/oppositions/receipt';
import { readSealedCookie } from '@/app/_auth/sealed-cookie';
import { RECEIPTS_COOKIE } from '../../cookies';

/** OPP-6: the PDF receipt, only for the browser that has just made the opposition. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const allowed = await readSealedCookie<string[]>(RECEIPTS_COOKIE);
  if (!allowed?.includes(id)) return new Response('Récépissé introuvable', { status: 404 });
  const receipt = await findReceipt(getDb(), id);
  const pdf = await renderReceiptPdf(receipt);
  return new Response(Buffer.from(pdf), {
    headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="recepisse-${receipt.number}.pdf"`, 'cache-control': 'no-store' },
  });
}
