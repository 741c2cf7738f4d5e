import { fhirJson } from '@/lib/fhir/http';
import { outcome } from '@/lib/fhir/operation-outcome';

/** Anything else under the FHIR base: 404 as an OperationOutcome (see GET metadata for what exists). */
async function unknown(request: Request) {
  const path = new URL(request.url).pathname.replace(/^\/api\/fhir\/r4\/?/, '');
  return fhirJson(outcome('not-supported', `Ressource ou opération non prise en charge : ${path.slice(0, 100)}. Voir GET metadata.`), 404);
}
export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
