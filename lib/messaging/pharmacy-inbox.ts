import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { MessageAuthorKind, MessageStatus, ReplyOption } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess, recordAccesses } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';
import type { Channel } from '@/lib/professional-access/patient-gate';
import { ensurePharmacyConversation, pharmacyDecision, pharmacyFinessOf } from './pharmacy-side';

export const PHARMACY_PAGE_SIZE = 20;

export type PharmacyInboxItem = { id: string; profileId: string; patientName: string; subject: string; lastMessageAt: Date; closed: boolean; unread: boolean };
export type PharmacyInbox = { pharmacy: { finess: string; name: string; city: string } | null; items: PharmacyInboxItem[]; next: string | null };

const encode = (at: Date, id: string) => `${at.toISOString()}_${id}`;
function decode(cursor: string | undefined): { at: Date; id: string } | null {
  const m = cursor?.match(/^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/i);
  return m ? { at: new Date(m[1]!), id: m[2]! } : null;
}

/**
 * MSG-3(b): the conversations of the pharmacy this professional acts at (PSC activity at its FINESS),
 * latest activity first (keyset pages); unread when the patient side wrote after a pharmacist last
 * opened it. Each row passes the policy (`message.pharmacy`: not blocked, profile available); each patient
 * listed is traced `message.list` on their chain, in one transaction with the read. A professional
 * without a pharmacy with a mailbox gets `pharmacy: null` and nothing else.
 */
export async function listPharmacyConversations(db: Db, actor: ProfessionalActor, input: { before?: string }, now: Date, channel: Channel): Promise<PharmacyInbox> {
  if (!authorize(actor, 'pro.access').allowed) throw new AccessDeniedError('cet espace n’est pas accessible avec votre compte.');
  const finess = pharmacyFinessOf(actor);
  if (!finess) return { pharmacy: null, items: [], next: null };
  return db.transaction().execute(async (trx) => {
    const pharmacy = await trx.selectFrom('pharmacies').select(['finess', 'name', 'city']).where('finess', '=', finess)
      .where('organisational_mailbox', '=', true).executeTakeFirst();
    if (!pharmacy) return { pharmacy: null, items: [], next: null };
    const cursor = decode(input.before);
    let query = trx.selectFrom('conversations as c').innerJoin('profiles as p', 'p.id', 'c.profile_id')
      .leftJoin('accounts as a', 'a.profile_id', 'p.id')
      .select(['c.id', 'c.profile_id', 'c.subject', 'c.last_message_at', 'c.closed_at', 'p.state', 'p.first_names', 'p.birth_name', 'a.id as holder'])
      .select((eb) => eb.exists(eb.selectFrom('professional_blocks as b').select('b.id').whereRef('b.profile_id', '=', 'c.profile_id')
        .where('b.professional_id', '=', actor.professionalId).where('b.unblocked_at', 'is', null)).as('blocked'))
      .select(sql<boolean>`exists (select 1 from messages m where m.conversation_id = c.id and m.author_kind = 'PATIENT'
        and m.created_at > coalesce(c.pro_read_at, '-infinity'::timestamptz))`.as('unread'))
      .where('c.pharmacy_finess', '=', finess);
    if (cursor) query = query.where(sql<boolean>`(c.last_message_at, c.id) < (${cursor.at}, ${cursor.id}::uuid)`);
    const rows = await query.orderBy('c.last_message_at', 'desc').orderBy('c.id', 'desc').limit(PHARMACY_PAGE_SIZE + 1).execute();
    const page = rows.slice(0, PHARMACY_PAGE_SIZE);
    const shown = page.filter((r) => pharmacyDecision(actor, { profile: { id: r.profile_id, state: r.state, holderAccountId: r.holder }, blocked: Boolean(r.blocked) },
      finess).allowed);
    await recordAccesses(trx, [...new Set(shown.map((r) => r.profile_id))].map((profileId) => ({
      actor, action: 'message.list', profileId, target: { type: 'pharmacy', id: finess }, at: now, channel })));
    const last = page.at(-1);
    return {
      pharmacy,
      items: shown.map((r) => ({ id: r.id, profileId: r.profile_id, patientName: `${r.first_names.split(' ')[0] ?? ''} ${r.birth_name}`.trim(),
        subject: r.subject, lastMessageAt: r.last_message_at, closed: r.closed_at !== null, unread: Boolean(r.unread) })),
      next: rows.length > PHARMACY_PAGE_SIZE && last ? encode(last.last_message_at, last.id) : null,
    };
  });
}

export type PharmacyConversation = {
  id: string; profileId: string; patientName: string; pharmacyName: string; subject: string; closedAt: Date | null; deletedByPatient: boolean;
  messages: { id: string; authorKind: MessageAuthorKind; authorLabel: string; writtenBy: string | null; body: string; createdAt: Date;
    status: MessageStatus; replyOption: ReplyOption | null; attachments: { id: string; name: string; size: number }[] }[];
};

/**
 * MSG-3(b), MSG-10: a pharmacist opens one conversation of their pharmacy (all its messages, its
 * attachments listed); marked read for the pharmacy; traced `message.read` on the patient's chain in the
 * same transaction. Another pharmacy's or an unknown id: NotFoundError, the attempt traced.
 */
export async function openPharmacyConversation(db: Db, actor: ProfessionalActor, conversationId: string, now: Date, channel: Channel): Promise<PharmacyConversation> {
  const { conversation: c, facts, mode } = await ensurePharmacyConversation(db, actor, conversationId, 'message.read', now, channel);
  return db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('conversations').select('deleted_by_patient_at').where('id', '=', c.id).executeTakeFirstOrThrow();
    const msgs = await trx.selectFrom('messages')
      .select(['id', 'author_kind', 'author_label', 'written_by_label', 'body', 'created_at', 'status', 'reply_option'])
      .where('conversation_id', '=', c.id).orderBy('created_at').orderBy('id').execute();
    const files = msgs.length === 0 ? [] : await trx.selectFrom('message_attachments').select(['id', 'message_id', 'name', 'size_bytes'])
      .where('message_id', 'in', msgs.map((m) => m.id)).orderBy('created_at').orderBy('id').execute();
    await trx.updateTable('conversations').set({ pro_read_at: now }).where('id', '=', c.id).execute();
    await recordAccess(trx, { actor, action: 'message.read', profileId: c.profile_id, target: { type: 'conversation', id: c.id }, mode, at: now, channel });
    return {
      id: c.id, profileId: c.profile_id, patientName: `${facts.profile.firstNames.split(' ')[0] ?? ''} ${facts.profile.birthName}`.trim(),
      pharmacyName: c.pharmacy_name, subject: c.subject, closedAt: c.closed_at, deletedByPatient: head.deleted_by_patient_at !== null,
      messages: msgs.map((m) => ({
        id: m.id, authorKind: m.author_kind, authorLabel: m.author_label, writtenBy: m.written_by_label, body: m.body, createdAt: m.created_at,
        status: m.status, replyOption: m.reply_option,
        attachments: files.filter((f) => f.message_id === m.id).map((f) => ({ id: f.id, name: f.name, size: f.size_bytes })),
      })),
    };
  });
}
