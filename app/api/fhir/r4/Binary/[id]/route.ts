import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { toBinary, wantsBinaryResource } from '@/lib/fhir/binary';
import { fhirJson, fhirRoute } from '@/lib/fhir/http';
import { openPatientDocumentFile } from '@/lib/professional-access/patient-documents';

/**
 * GET Binary/{id} (id = the DocumentReference's): the decrypted file, traced `document.read` (AUD-1).
 * Raw bytes with their content type by default; a FHIR Binary (base64) for `Accept: application/fhir+json`
 * or `_format=json`. 404 when this professional may not see the document.
 */
export const GET = fhirRoute<{ id: string }>(async ({ request, url, params, db, now, call }) => {
  const file = await openPatientDocumentFile(db, call.actor, params.id, now, 'API');
  if (wantsBinaryResource(request.headers.get('accept'), url.searchParams.get('_format'))) {
    return fhirJson(toBinary(params.id, file.mime, await buffer(file.stream)));
  }
  return new Response(Readable.toWeb(file.stream) as ReadableStream, {
    headers: {
      'content-type': file.mime, 'content-length': String(file.size), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(`${file.title.slice(0, 100)}.${file.mime === 'application/pdf' ? 'pdf' : 'xml'}`)}`,
    },
  });
});
