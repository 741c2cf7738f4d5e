import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { depositDocument, replaceDocument, type DepositResult } from '@/lib/professional-access/deposit-document';
import type { DepositRequest } from './document-deposit';

/**
 * PRO-8, DOC-11, DOC-12: one checked DocumentReference handed to the professional use case, channel API
 * (traced as the pages are). A replacement without securityLabel keeps the old version's flags.
 */
export async function submitDeposit(db: Db, actor: ProfessionalActor, request: DepositRequest, now: Date): Promise<DepositResult> {
  if (!request.replaces) return depositDocument(db, actor, request.input, now, 'API');
  const input = { ...request.input };
  if (!request.flagsGiven) {
    delete input.masquePs;
    delete input.invisiblePatient;
    delete input.invisibleRepresentatives;
  }
  return replaceDocument(db, actor, request.replaces, input, now, 'API');
}
