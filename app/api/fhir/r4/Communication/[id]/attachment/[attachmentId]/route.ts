import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { toBinary, wantsBinaryResource } from '@/lib/fhir/binary';
import { fhirJson, fhirRoute } from '@/lib/fhir/http';
import { readProMessageAttachment } from '@/lib/messaging/pro-message';

/**
 * GET Communication/{id}/attachment/{attachmentId} (the `url` of a payload's contentAttachment): the
 * decrypted file, traced `message.attachment.read` (MSG-10). Raw bytes by default; a FHIR Binary (base64)
 * for `Accept: application/fhir+json` or `_format=json`, as Binary/{id} does for documents. 404 when
 * this professional cannot see the message.
 */
export const GET = fhirRoute<{ id: string; attachmentId: string }>(async ({ request, url, params, db, now, call }) => {
  const file = await readProMessageAttachment(db, call.actor, { messageId: params.id, attachmentId: params.attachmentId }, now, 'API');
  if (wantsBinaryResource(request.headers.get('accept'), url.searchParams.get('_format'))) {
    return fhirJson(toBinary(params.attachmentId, file.mime, await buffer(file.stream)));
  }
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'content-type': file.mime, 'content-length': String(file.size), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    },
  });
});
