import type { R4 } from '@ahryman40k/ts-fhir-types';

/** DOC-3: a document's file as a FHIR Binary (base64), for `Accept: application/fhir+json`; pure. */
export function toBinary(id: string, contentType: string, bytes: Buffer): R4.IBinary {
  return { resourceType: 'Binary', id, contentType, data: bytes.toString('base64') };
}

/** Whether the caller asked for the Binary resource rather than the raw file (FHIR content negotiation). */
export function wantsBinaryResource(accept: string | null, format: string | null): boolean {
  if (format !== null) return /^(json|application\/(fhir\+)?json)$/i.test(format.trim());
  return /application\/(fhir\+)?json/i.test(accept ?? '');
}
