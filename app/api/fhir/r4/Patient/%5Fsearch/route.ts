import { FhirRequestError } from '@/lib/fhir/errors';
import { fhirRoute, readBody } from '@/lib/fhir/http';
import { searchPatientByIns } from '@/lib/fhir/patient-search';

const MAX_FORM_BYTES = 4_096;

/**
 * POST Patient/_search with the same parameters as a form (application/x-www-form-urlencoded): the
 * matricule INS stays out of the URL (ID-10). 415 for another body type, 413 beyond 4 KB.
 * (The folder is `%5Fsearch`: a folder starting with "_" is private, not routed, in the App Router.)
 */
export const POST = fhirRoute(async (ctx) => {
  const type = ctx.request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new FhirRequestError(415, { code: 'not-supported', diagnostics: 'Envoyez les paramètres de recherche en application/x-www-form-urlencoded.' });
  }
  const params = new URLSearchParams((await readBody(ctx.request, MAX_FORM_BYTES)).toString('utf8'));
  for (const [name, value] of ctx.url.searchParams) params.append(name, value);
  return searchPatientByIns(ctx, params, `${ctx.base}/Patient/_search`);
});
