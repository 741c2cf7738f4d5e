import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { openProAttachment } from '@/lib/messaging/pro-attachment';
import { attachmentDownload } from '@/app/(pro)/pro/(espace)/_attachments/download';

/** MSG-10: the professional downloads an attachment of one of their conversations with the patient; traced by the use case. */
export async function GET(_request: Request, { params }: { params: Promise<{ profileId: string; attachmentId: string }> }) {
  const { profileId, attachmentId } = await params;
  return attachmentDownload((actor) => openProAttachment(getDb(), actor, { profileId, attachmentId }, clock.now(), 'PRO'));
}
