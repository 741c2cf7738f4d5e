import { z } from 'zod';
import { parseInput } from './parse';
import { patientStartSchema } from './start-patient-conversation';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { checkAttachments, discardAttachments, insertAttachments, putAttachments, type IncomingFile } from './attachments';
import { ensurePatientSide } from './patient-side';
import { PHARMACY_ATTACHMENT_REQUIRED } from './rules';
import { visitedPharmacyFacts } from './visited-pharmacies';

/** The patient's « new message » fields, the pharmacy in place of the professional. */
export const pharmacyStartSchema = patientStartSchema.omit({ professionalId: true }).extend({
  finess: z.string().trim().regex(/^[0-9][0-9AB][0-9]{7}$/, 'Choisissez une pharmacie dans la liste.'),
});
export type PharmacyStartInput = z.input<typeof pharmacyStartSchema> & { files?: IncomingFile[] };

/**
 * MSG-3(b), MSG-6, MSG-9, MSG-10: the patient side starts a conversation with a pharmacy already visited
 * (organisational mailbox, a reimbursed dispensation for the profile in the past year), with at least
 * one attachment (DOC-2 checks, 10 MB per message). The pharmacists of that FINESS read it. Traced.
 */
export async function startPharmacyConversation(db: Db, actor: Actor, raw: PharmacyStartInput, now: Date): Promise<{ conversationId: string }> {
  const input = parseInput(pharmacyStartSchema, raw);
  const side = await ensurePatientSide(db, actor, 'message.write', input.profileId, 'message.start', now);
  if (!(await visitedPharmacyFacts(db, input.profileId, now)).some((p) => p.finess === input.finess)) {
    throw new ValidationError('message.pharmacy-not-visited',
      'Vous ne pouvez écrire qu’à une pharmacie dotée d’une messagerie qui vous a délivré un médicament remboursé au cours de l’année écoulée (MSG-3).', 'pharmacie');
  }
  const files = await checkAttachments(raw.files ?? []);
  if (files.length === 0) throw new ValidationError('message.pharmacy-attachment-required', PHARMACY_ATTACHMENT_REQUIRED, 'pieces');
  const stored = await putAttachments(files);
  try {
    return await db.transaction().execute(async (trx) => {
      const c = await trx.insertInto('conversations').values({
        profile_id: input.profileId, professional_id: null, pharmacy_finess: input.finess, subject: input.subject, opened_at: now, closed_at: null,
        closed_by: null, last_message_at: now, patient_read_at: now, pro_read_at: null, deleted_by_patient_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      const m = await trx.insertInto('messages').values({
        conversation_id: c.id, author_kind: 'PATIENT', author_account_id: side.accountId, author_label: side.authorLabel,
        written_by_label: side.writtenBy, body: input.body, reply_option: null, created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await insertAttachments(trx, m.id, stored, now);
      await recordAccess(trx, { actor, action: 'message.start', profileId: input.profileId, target: { type: 'conversation', id: c.id }, at: now });
      return { conversationId: c.id };
    });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
}
