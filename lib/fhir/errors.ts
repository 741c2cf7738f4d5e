import type { R4 } from '@ahryman40k/ts-fhir-types';
import { ZodError } from 'zod';
import { ApiAuthError } from '@/lib/api-clients/errors';
import { AccessDeniedError, DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { InsMismatchError, InsUnknownError } from '@/lib/professional-access/check-access';
import { FlagsConflictError, UniqueIdTakenError } from '@/lib/professional-access/deposit-document';
import { operationOutcome, type Issue, type IssueCode } from './operation-outcome';

/** What the FHIR layer refuses by itself, before any use case: malformed JSON or parameters, a wrong content type... */
export class FhirRequestError extends Error {
  readonly issues: Issue[];
  constructor(readonly status: 400 | 404 | 405 | 413 | 415 | 422, issues: Issue | Issue[]) {
    const list = Array.isArray(issues) ? issues : [issues];
    super(list.map((i) => i.diagnostics).join(' '));
    this.issues = list;
  }
}

export type FhirErrorAnswer = { status: number; outcome: R4.IOperationOutcome; headers: Record<string, string> };

/** The use cases' form fields, as the DocumentReference elements a software sends. */
const EXPRESSIONS: Record<string, string> = {
  uniqueId: 'DocumentReference.masterIdentifier',
  typeCode: 'DocumentReference.type',
  title: 'DocumentReference.content[0].attachment.title',
  documentDate: 'DocumentReference.context.period.start',
  fichier: 'DocumentReference.content[0].attachment',
  masquePs: 'DocumentReference.securityLabel',
  invisiblePatient: 'DocumentReference.securityLabel',
  invisibleRepresentatives: 'DocumentReference.securityLabel',
  profileId: 'DocumentReference.subject',
};

const answer = (status: number, issue: Issue, headers: Record<string, string> = {}): FhirErrorAnswer =>
  ({ status, outcome: operationOutcome([issue]), headers });

const domain = (status: number, code: IssueCode, error: DomainError) =>
  answer(status, { code, diagnostics: error.message, expression: error.field ? EXPRESSIONS[error.field] : undefined });

/**
 * A thrown error as the HTTP status and OperationOutcome the API answers; pure. Undefined for an
 * unexpected error (the route answers 500 without detail and logs it). Bad input never lands there:
 * authentication 401/403/503, visibility 404, policy 403, identity mismatch (ID-8) and business rules
 * (VIS-10...) 422, unique id taken (DOC-12) or a concurrent replacement (DOC-11) 409.
 */
export function fhirErrorOf(error: unknown): FhirErrorAnswer | undefined {
  if (error instanceof FhirRequestError) return { status: error.status, outcome: operationOutcome(error.issues), headers: {} };
  if (error instanceof ApiAuthError) {
    const code: IssueCode = error.status === 401 ? 'login' : error.status === 403 ? 'forbidden' : 'transient';
    return answer(error.status, { code, diagnostics: error.message }, error.wwwAuthenticate ? { 'www-authenticate': error.wwwAuthenticate } : {});
  }
  if (error instanceof NotFoundError || error instanceof InsUnknownError) return domain(404, 'not-found', error);
  if (error instanceof AccessDeniedError) return domain(403, 'forbidden', error);
  if (error instanceof InsMismatchError || error instanceof FlagsConflictError) return domain(422, 'business-rule', error);
  if (error instanceof UniqueIdTakenError) return domain(409, 'duplicate', error);
  if (error instanceof ValidationError && error.code === 'document.already-replaced') return domain(409, 'conflict', error);
  if (error instanceof ValidationError) return domain(422, 'invalid', error);
  if (error instanceof DomainError) return domain(422, 'business-rule', error);
  if (error instanceof ZodError) {
    return { status: 422, headers: {}, outcome: operationOutcome(error.issues.map((i) => ({
      code: 'invalid', diagnostics: i.message, expression: EXPRESSIONS[String(i.path[0] ?? '')],
    }))) };
  }
  return undefined;
}
