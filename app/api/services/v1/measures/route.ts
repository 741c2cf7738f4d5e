import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { authenticateService } from '@/lib/services/client-credentials';
import { ConsentNotGivenError, IdempotencyConflictError, PushValidationError, ServiceUnavailableError } from '@/lib/services/errors';
import { pushMeasures } from '@/lib/services/push-measures';
import { pushRequest, requestErrors } from '@/lib/services/push-request';

const MAX_BODY_BYTES = 64_000;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

const answer = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store', ...headers } });

/**
 * MEA-8, CAT-8: a connected service pushes measures. HTTP Basic client credentials; a JSON body
 * `{ ins, measures: [{ type, value, value2?, unit, effectiveAt }] }` (at most 100); optional
 * `Idempotency-Key`. 201 `{ stored }`; 401 invalid client; 403 service not available or consent not
 * given; 400 with the list of errors per measure (nothing stored); 409 a reused Idempotency-Key.
 */
export async function POST(request: Request) {
  const db = getDb();
  const service = await authenticateService(db, request.headers.get('authorization'));
  if (!service) return answer(401, { error: 'Invalid client' }, { 'www-authenticate': 'Basic realm="Mon espace santé", charset="UTF-8"' });

  const idempotencyKey = request.headers.get('idempotency-key') ?? undefined;
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    return answer(400, { error: 'Invalid request', errors: [{ index: -1, field: 'Idempotency-Key', message: 'La clé d’idempotence doit faire de 1 à 200 caractères ASCII visibles.' }] });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return answer(413, { error: 'Request too large' });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return answer(400, { error: 'Invalid request', errors: [{ index: -1, field: 'body', message: 'Le corps de la requête doit être du JSON.' }] });
  }
  const parsed = pushRequest.safeParse(body);
  if (!parsed.success) return answer(400, { error: 'Invalid request', errors: requestErrors(parsed.error) });

  try {
    const { stored } = await pushMeasures(db, service, { ...parsed.data, idempotencyKey }, clock.now());
    return answer(201, { stored });
  } catch (error) {
    if (error instanceof ServiceUnavailableError) return answer(403, { error: 'Service not available' });
    if (error instanceof ConsentNotGivenError) return answer(403, { error: 'Consent not given' });
    if (error instanceof PushValidationError) return answer(400, { error: 'Invalid measures', errors: error.items });
    if (error instanceof IdempotencyConflictError) return answer(409, { error: 'Idempotency-Key reused with another request' });
    throw error;
  }
}
