import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { PatientActor, StaffActor } from '@/lib/access/actor';
import { storeDocument } from '@/lib/documents/store-document';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { JUSTIFICATIF_TITLE, renderJustificatifPdf } from './justificatif-pdf';
import type { LinkRow } from './links';

/**
 * AID-5: files the « Justificatif d’accès aidant » (DOC_ADM, authored by Mon espace santé: the patient side
 * cannot edit or delete it, DOC-5) in the aidé's documents. At revocation, a new version records the end
 * date and replaces the current one, which becomes OBSOLETE (DOC-11). `inTransaction` runs the status change
 * in the same transaction, before the document row (a refusal there leaves nothing, not even the file).
 */
export async function fileJustificatif(db: Db, actor: PatientActor | StaffActor, link: LinkRow, at: { acceptedAt: Date; ended?: { at: Date; by: 'AIDE' | 'AIDANT' } },
  traceAction: string, inTransaction: (trx: Transaction<DB>) => Promise<void>, afterFiling: (trx: Transaction<DB>, documentId: string) => Promise<void>): Promise<string> {
  const bytes = await renderJustificatifPdf({
    aide: { name: link.aideName, birthDate: link.aide_birth_date }, aidant: { name: link.aidantName, birthDate: link.aidant_birth_date },
    invitedAt: link.invited_at, acceptedAt: at.acceptedAt, ended: at.ended,
  });
  const previous = at.ended ? link.justificatif_document_id : null;
  const { documentId } = await storeDocument(db, actor, {
    profileId: link.aided_profile_id,
    title: `${JUSTIFICATIF_TITLE} – ${link.aidantName}${at.ended ? ' (accès terminé)' : ''}`,
    category: 'DOC_ADM', documentDate: parisIsoDay(at.ended?.at ?? at.acceptedAt),
    content: { bytes, mime: 'application/pdf' },
    author: { type: 'MES', id: 'mon-espace-sante', label: 'Mon espace santé' },
    traceAction, replacesId: previous,
  }, at.ended?.at ?? at.acceptedAt, inTransaction, async (trx, documentId) => {
    // DOC-11: the previous version stays reachable from the new one, as OBSOLETE.
    if (previous) await trx.updateTable('documents').set({ status: 'OBSOLETE', updated_at: at.ended!.at }).where('id', '=', previous).where('status', '=', 'ACTIVE').execute();
    await trx.updateTable('aidant_links').set({ justificatif_document_id: documentId }).where('id', '=', link.id).execute();
    await afterFiling(trx, documentId);
  });
  return documentId;
}
