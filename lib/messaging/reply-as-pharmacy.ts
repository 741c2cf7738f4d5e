import { z } from 'zod';
import type { Db } from '@/db/client';
import type { ReplyOption } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { notify } from '@/lib/notifications/notify';
import { professionalLabel } from '@/lib/professional-access/access-notice';
import type { Channel } from '@/lib/professional-access/patient-gate';
import { checkAttachments, discardAttachments, insertAttachments, putAttachments, type IncomingFile } from './attachments';
import { noticeNonDelivery } from './non-delivery';
import { parseInput } from './parse';
import { ensurePharmacyConversation } from './pharmacy-side';
import { finOf, isReplyOption, MAX_BODY, MAX_SUBJECT } from './rules';
import { NotDeliveredError, type ProMessageResult } from './write-to-patient';

export const pharmacyReplySchema = z.object({
  conversationId: z.string().uuid('Conversation introuvable.'),
  subject: z.string().trim().min(1, 'Saisissez l’objet du message.').max(MAX_SUBJECT, `L’objet ne doit pas dépasser ${MAX_SUBJECT} caractères.`),
  body: z.string().max(MAX_BODY, `Le message ne doit pas dépasser ${MAX_BODY} caractères.`),
  replyOption: z.string().refine(isReplyOption, 'Choisissez l’option de réponse (MSG-4).'),
});
export type PharmacyReplyInput = z.input<typeof pharmacyReplySchema> & { files?: IncomingFile[] };

const NOT_ACTIVE_REASON = 'le profil de ce patient n’est pas actif : il ne peut pas recevoir de message (MSG-12).';

/**
 * MSG-3(b), MSG-4, MSG-7, MSG-8, MSG-10, MSG-12: a pharmacist answers a conversation of their pharmacy
 * (through the pharmacy gate: same FINESS, not blocked), with a reply option per message. `[FIN]` as for
 * any PS (finOf): empty → closes, nothing delivered, trace only; with content → delivered, then closed.
 * SUSPENDED profile: held, the pharmacist is told; other non-ACTIVE states: refused with a notice.
 * The message is labelled with the pharmacy and the pharmacist (PRO-2) and notified to the patient.
 */
export async function replyAsPharmacy(db: Db, actor: ProfessionalActor, raw: PharmacyReplyInput, now: Date, channel: Channel): Promise<ProMessageResult> {
  const input = parseInput(pharmacyReplySchema, raw);
  const { conversation: c, facts, mode } = await ensurePharmacyConversation(db, actor, input.conversationId, 'message.send', now, channel);
  const profileId = c.profile_id;
  const state = facts.profile.state;
  if (state !== 'ACTIVE' && state !== 'SUSPENDED') {
    await db.transaction().execute(async (trx) => {
      await recordAccess(trx, { actor, action: 'message.send', profileId, denied: 'profile-not-active', mode, at: now, channel });
      await noticeNonDelivery(trx, { professionalId: actor.professionalId, profileId, subject: input.subject, reason: NOT_ACTIVE_REASON, at: now });
    });
    throw new NotDeliveredError(NOT_ACTIVE_REASON);
  }
  if (c.closed_at) throw new ValidationError('message.conversation-closed', 'Cette conversation est close : le patient doit écrire un nouveau message.', 'sujet');
  const files = await checkAttachments(raw.files ?? []);
  const fin = finOf({ subject: input.subject, bodyHtmlOrText: input.body, attachments: files.length });
  if (fin === 'NONE' && files.length === 0 && !input.body.trim()) {
    throw new ValidationError('message.body-missing', 'Écrivez votre message ou joignez un document.', 'message');
  }
  const target = { type: 'conversation', id: c.id };
  if (fin === 'CLOSE_ONLY') {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('conversations').set({ closed_at: now, closed_by: actor.professionalId }).where('id', '=', c.id).where('closed_at', 'is', null).execute();
      await recordAccess(trx, { actor, action: 'message.close', profileId, target, mode, at: now, channel });
    });
    return { conversationId: c.id, messageId: null, outcome: 'CLOSED_ONLY', fin };
  }
  const held = state === 'SUSPENDED';
  const stored = await putAttachments(files);
  try {
    return await db.transaction().execute(async (trx) => {
      const message = await trx.insertInto('messages').values({
        conversation_id: c.id, author_kind: 'PS', author_account_id: null, author_label: professionalLabel(actor), written_by_label: null,
        author_professional_id: actor.professionalId, body: input.body, reply_option: input.replyOption as ReplyOption,
        status: held ? 'HELD' : 'DELIVERED', created_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      await insertAttachments(trx, message.id, stored, now);
      await trx.updateTable('conversations').set({
        pro_read_at: now, ...(!held && { last_message_at: now }),
        ...(fin === 'DELIVER_THEN_CLOSE' && { closed_at: now, closed_by: actor.professionalId }), // MSG-8
      }).where('id', '=', c.id).execute();
      await recordAccess(trx, { actor, action: 'message.send', profileId, target: { type: 'message', id: message.id }, mode, at: now, channel });
      if (fin === 'DELIVER_THEN_CLOSE') await recordAccess(trx, { actor, action: 'message.close', profileId, target, mode, at: now, channel });
      if (held) {
        await noticeNonDelivery(trx, { professionalId: actor.professionalId, profileId, subject: input.subject, held: true,
          reason: 'le profil de ce patient est suspendu (MSG-12).', at: now });
      } else {
        await notify(trx, { profileId, kind: 'NOTIF_MESSAGE', data: { actorLabel: c.pharmacy_name }, at: now });
      }
      return { conversationId: c.id, messageId: message.id, outcome: held ? 'HELD' as const : 'DELIVERED' as const, fin };
    });
  } catch (error) {
    await discardAttachments(stored);
    throw error;
  }
}
