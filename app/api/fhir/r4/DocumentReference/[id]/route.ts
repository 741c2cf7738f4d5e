import { toDocumentReference } from '@/lib/fhir/document-reference';
import { fhirJson, fhirRoute } from '@/lib/fhir/http';
import { outcome } from '@/lib/fhir/operation-outcome';
import { deleteProfessionalDocument } from '@/lib/professional-access/deposit-document';
import { viewPatientDocument } from '@/lib/professional-access/patient-documents';

/** GET DocumentReference/{id}: traced `document.view`; 404 when this professional may not see it (never leaks), 403 refused. */
export const GET = fhirRoute<{ id: string }>(async ({ params, base, db, now, call }) => {
  const view = await viewPatientDocument(db, call.actor, params.id, now, 'API');
  return fhirJson(toDocumentReference(view.document, base));
});

/** DOC-9: DELETE by its author only → 204 (logical deletion, traced); 403 another professional; 404 not visible. */
export const DELETE = fhirRoute<{ id: string }>(async ({ params, db, now, call }) => {
  await deleteProfessionalDocument(db, call.actor, params.id, now, 'API');
  return new Response(null, { status: 204 });
});

/** A document is never updated in place: DOC-11 replaces it with a new version. */
const notAllowed = fhirRoute<{ id: string }>(async () => fhirJson(outcome('not-supported',
  'Un document n’est jamais modifié : déposez une nouvelle version (POST DocumentReference avec relatesTo replaces).'), 405, { allow: 'GET, DELETE' }));
export { notAllowed as PUT, notAllowed as PATCH };
