import { DomainError } from '@/lib/errors';
import type { DepositResult } from '@/lib/professional-access/deposit-document';
import { viewPatientDocument } from '@/lib/professional-access/patient-documents';
import { toDocumentReference } from './document-reference';
import { fhirJson, type FhirContext } from './http';
import { operationOutcome } from './operation-outcome';

/**
 * The answer to a deposit: 201 (created) or 200 (DOC-12: the same unique id and content were already
 * deposited; nothing created), with Location. FHIR `Prefer: return=`: `representation` (default) reads the
 * document back through the use case — traced `document.view` like any read, so `minimal` (no body) or
 * `OperationOutcome` spare that read.
 */
export async function depositAnswer<P>(ctx: FhirContext<P>, result: DepositResult): Promise<Response> {
  const status = result.created ? 201 : 200;
  const headers = { location: `${ctx.base}/DocumentReference/${result.documentId}` };
  const prefer = /return=(minimal|representation|OperationOutcome)/i.exec(ctx.request.headers.get('prefer') ?? '')?.[1]?.toLowerCase();
  const note = operationOutcome([{ severity: 'information', code: 'informational', diagnostics: result.created
    ? 'Document déposé.' : 'Ce document avait déjà été déposé (même identifiant unique, même contenu) : rien n’a été créé (DOC-12).' }]);
  if (prefer === 'minimal') return new Response(null, { status, headers: { ...headers, 'cache-control': 'no-store' } });
  if (prefer === 'operationoutcome') return fhirJson(note, status, headers);
  try {
    const view = await viewPatientDocument(ctx.db, ctx.call.actor, result.documentId, ctx.now, 'API');
    return fhirJson(toDocumentReference(view.document, ctx.base), status, headers);
  } catch (error) {
    // E.g. DOC-12 matched a document of another author, masked to this one: say what happened, show nothing.
    if (error instanceof DomainError) return fhirJson(note, status, headers);
    throw error;
  }
}
