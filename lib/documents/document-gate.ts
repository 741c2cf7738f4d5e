import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Action } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { findDocument } from './find-document';

/** DOC-9: what the patient side reads when a professional withdrew the document it opens. */
export class DocumentDeletedError extends DomainError {
  constructor() {
    super('document.deleted', 'Ce document a été supprimé par le professionnel de santé qui l’a déposé.');
  }
}

/** Refusals that must not tell whether the document exists (IDOR): they answer 404, like an unknown id. */
const AS_NOT_FOUND = new Set(['not-holder', 'document-invisible', 'no-target', 'advisor-no-medical', 'staff-no-medical', 'aidant-not-allowed']);

/**
 * The gate of every patient-side use case on one document: the policy decides; a refusal is traced
 * on the document's profile (AUD-1) and answered as 404, "deleted" or a French reason.
 */
export async function ensureDocument(db: Db, actor: Actor, action: Action, documentId: string, traceAction: string, now: Date) {
  const found = await findDocument(db, documentId);
  const decision = authorize(actor, action, { profile: found.profile.target, document: found.document });
  if (!decision.allowed) {
    await recordAccess(db, { actor, action: traceAction, profileId: found.row.profile_id, target: { type: 'document', id: documentId }, decision, at: now });
    if (AS_NOT_FOUND.has(decision.code)) throw new NotFoundError('Document');
    if (decision.code === 'document-deleted') {
      if (found.row.author_type === 'PATIENT') throw new NotFoundError('Document');
      throw new DocumentDeletedError();
    }
    throw new AccessDeniedError(decision.reason);
  }
  return found;
}
