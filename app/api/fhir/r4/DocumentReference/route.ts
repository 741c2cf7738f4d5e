import { benchSkipAudit } from '@/lib/fhir/bench-mode';
import { searchset } from '@/lib/fhir/bundle';
import { depositAnswer } from '@/lib/fhir/deposit-answer';
import { depositFromResource } from '@/lib/fhir/document-deposit';
import { parseDocumentSearch, toDocumentReference } from '@/lib/fhir/document-reference';
import { FhirRequestError } from '@/lib/fhir/errors';
import { fhirJson, fhirRoute, readFhirJson } from '@/lib/fhir/http';
import { submitDeposit } from '@/lib/fhir/submit-deposit';
import { listPatientDocuments } from '@/lib/professional-access/patient-documents';

/** A 5 MB file (DOC-2's ceiling) in base64, plus its metadata. */
const MAX_DEPOSIT_BYTES = 8 * 1_048_576;

/**
 * GET DocumentReference?patient=Patient/{id}&category&type&date&status&_count&_cursor → searchset of
 * what this professional may see (the policy filters before counting and paging), one trace
 * `document.list` per call. 400 bad parameters; 403 refused, 404 unknown patient (traced).
 */
export const GET = fhirRoute(async ({ request, url, base, db, now, call }) => {
  const search = parseDocumentSearch(url.searchParams, 200);
  const result = await listPatientDocuments(db, call.actor, search.profileId, search.filters, now, 'API', { skipTrace: benchSkipAudit(request.headers) });
  // status=superseded alone: the page is filtered after the fact, so no total is claimed (pages may be short).
  const documents = search.supersededOnly ? result.documents.filter((d) => d.status === 'OBSOLETE') : result.documents;
  const next = result.next ? new URL(url) : undefined;
  next?.searchParams.set('_cursor', result.next!);
  return fhirJson(searchset({
    self: url.href, next: next?.href, total: search.supersededOnly ? undefined : result.total,
    entries: documents.map((d) => ({ fullUrl: `${base}/DocumentReference/${d.id}`, resource: toDocumentReference(d, base) })),
  }));
});

/**
 * POST DocumentReference (file inline in content[0].attachment.data) → 201 + Location; DOC-12 same unique
 * id and content → 200 with the existing document; `relatesTo replaces` → new version (DOC-11, author
 * only). 415 not FHIR JSON, 400 not JSON or not a DocumentReference, 422 invalid or VIS-10, 409 unique id
 * taken by another document, 403 refused (traced).
 */
export const POST = fhirRoute(async (ctx) => {
  const body = await readFhirJson(ctx.request, MAX_DEPOSIT_BYTES);
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'DocumentReference') {
    throw new FhirRequestError(400, { code: 'invalid', diagnostics: 'Le corps doit être une ressource DocumentReference.' });
  }
  const deposit = await depositFromResource(body);
  return depositAnswer(ctx, await submitDeposit(ctx.db, ctx.call.actor, deposit, ctx.now));
});
