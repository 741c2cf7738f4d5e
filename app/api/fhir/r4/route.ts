import { transactionResponse } from '@/lib/fhir/bundle';
import { fhirErrorOf } from '@/lib/fhir/errors';
import { fhirJson, fhirRoute, readFhirJson } from '@/lib/fhir/http';
import { operationOutcome } from '@/lib/fhir/operation-outcome';
import { planTransaction, runTransaction, TransactionInterrupted } from '@/lib/fhir/transaction';

/** Up to MAX_TRANSACTION_DOCUMENTS (10) files of 5 MB in base64, plus metadata. */
const MAX_TRANSACTION_BYTES = 72 * 1_048_576;

/**
 * POST / with a `transaction` Bundle of DocumentReference (+ Binary) entries → transaction-response
 * (200). Every entry is checked first: any invalid entry → 400/422 and nothing is deposited. The
 * deposits then run one by one and are NOT atomic (see runTransaction): a refusal at entry k answers
 * its status with an OperationOutcome naming the entries already deposited.
 */
export const POST = fhirRoute(async ({ request, db, now, call }) => {
  const plan = await planTransaction(await readFhirJson(request, MAX_TRANSACTION_BYTES));
  try {
    return fhirJson(transactionResponse(await runTransaction(db, call.actor, plan, now)));
  } catch (error) {
    if (!(error instanceof TransactionInterrupted)) throw error;
    const cause = fhirErrorOf(error.error);
    if (!cause) throw error.error;
    const issues = cause.outcome.issue.map((i) => ({ code: i.code!, severity: i.severity, diagnostics: i.diagnostics!, expression: `Bundle.entry[${error.index}]` }));
    const done = error.done.map((d) => ({ severity: 'information' as const, code: 'informational' as const, expression: `Bundle.entry[${d.index}]`,
      diagnostics: `Transaction interrompue : cette entrée a déjà été déposée (${d.location}) et le reste.` }));
    return fhirJson(operationOutcome([...issues, ...done]), cause.status, cause.headers);
  }
});
