import { randomUUID } from 'node:crypto';
import { getDb, type Db } from '@/db/client';
import { authenticateApiCall, type ApiCall } from '@/lib/api-clients/professional-identity';
import { clock } from '@/lib/clock';
import { logger } from '@/lib/logger';
import { fhirErrorOf, FhirRequestError } from './errors';
import { outcome } from './operation-outcome';
import { FHIR_BASE_PATH, FHIR_JSON } from './systems';

/** A FHIR JSON answer, never cached (patient data). */
export const fhirJson = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': FHIR_JSON, 'cache-control': 'no-store', ...headers } });

/** The API's absolute base URL, as the caller reached it. */
export const apiBase = (request: Request) => `${new URL(request.url).origin}${FHIR_BASE_PATH}`;

/** Any error as its OperationOutcome; an unexpected one is logged with a reference and answered 500 without detail. */
export function errorResponse(error: unknown): Response {
  const known = fhirErrorOf(error);
  if (known) return fhirJson(known.outcome, known.status, known.headers);
  const reference = randomUUID();
  logger.error({ err: error, reference }, 'fhir: unexpected error');
  return fhirJson(outcome('exception', `Erreur interne du serveur (référence ${reference}). Réessayez plus tard.`), 500);
}

const JSON_TYPES = ['application/fhir+json', 'application/json'];

/** The request's body, 413 beyond `maxBytes` (read as a stream, never buffered past the limit). */
export async function readBody(request: Request, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new FhirRequestError(413, { code: 'too-long', diagnostics: `Requête trop volumineuse (au plus ${(maxBytes / 1_048_576).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} Mo).` });
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      size += r.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(r.value);
    }
  }
  return Buffer.concat(chunks);
}

/** The request's JSON body: 415 unless `application/fhir+json` (or `application/json`), 413 beyond `maxBytes`, 400 when it is not JSON. */
export async function readFhirJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (!type || !JSON_TYPES.includes(type)) {
    throw new FhirRequestError(415, { code: 'not-supported', diagnostics: 'Envoyez le corps en application/fhir+json.' });
  }
  const body = await readBody(request, maxBytes);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new FhirRequestError(400, { code: 'structure', diagnostics: 'Le corps de la requête n’est pas du JSON valide.' });
  }
}

export type FhirContext<P> = { request: Request; url: URL; base: string; db: Db; now: Date; call: ApiCall; params: P };

/**
 * Every FHIR route goes through this wrapper (so a handler cannot forget it): the software and the acting
 * professional are authenticated FIRST (401 with WWW-Authenticate, 403, 503 — as OperationOutcome),
 * then the handler runs; whatever it throws becomes an OperationOutcome with its status.
 */
export function fhirRoute<P = Record<string, never>>(handler: (ctx: FhirContext<P>) => Promise<Response>) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const db = getDb();
      const now = clock.now();
      const call = await authenticateApiCall(db, request.headers, now);
      return await handler({ request, url: new URL(request.url), base: apiBase(request), db, now, call, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
