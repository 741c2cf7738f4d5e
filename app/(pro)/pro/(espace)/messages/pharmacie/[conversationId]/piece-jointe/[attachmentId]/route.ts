import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { openPharmacyAttachment } from '@/lib/messaging/pharmacy-attachment';
import { attachmentDownload } from '@/app/(pro)/pro/(espace)/_attachments/download';

/** MSG-3(b), MSG-10: a pharmacist downloads an attachment of a conversation of their pharmacy; traced by the use case. */
export async function GET(_request: Request, { params }: { params: Promise<{ conversationId: string; attachmentId: string }> }) {
  const { conversationId, attachmentId } = await params;
  return attachmentDownload((actor) => openPharmacyAttachment(getDb(), actor, { conversationId, attachmentId }, clock.now(), 'PRO'));
}
