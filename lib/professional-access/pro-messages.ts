import { sql, type Kysely, type Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';

/**
 * « Messagerie sécurisée »: messages to a professional about one patient (EMG-6: the médecin traitant
 * told of an emergency access). A professional only ever reads their own inbox.
 */
export const MESSAGES_PAGE_SIZE = 20;

export type ProMessage = { id: string; profileId: string; subject: string; body: string; createdAt: Date; readAt: Date | null };

/** Writes one message in the caller's transaction. */
export async function sendProfessionalMessage(trx: Transaction<DB> | Kysely<DB>,
  input: { professionalId: string; profileId: string; subject: string; body: string; at: Date }): Promise<string> {
  const row = await trx.insertInto('professional_messages').values({
    professional_id: input.professionalId, profile_id: input.profileId, subject: input.subject, body: input.body, created_at: input.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

function ensurePro(actor: ProfessionalActor) {
  const decision = authorize(actor, 'pro.access');
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
}

const UUID = /^[0-9a-f-]{36}$/i;
const COLUMNS = ['m.id', 'm.profile_id', 'm.subject', 'm.body', 'm.created_at', 'm.read_at'] as const;
const toMessage = (r: { id: string; profile_id: string; subject: string; body: string; created_at: Date; read_at: Date | null }): ProMessage =>
  ({ id: r.id, profileId: r.profile_id, subject: r.subject, body: r.body, createdAt: r.created_at, readAt: r.read_at });

/**
 * One page of the inbox, newest first, with a keyset cursor (`before`: the last message id of the
 * previous page; DESIGN.md "every list that can grow is paginated with a keyset cursor").
 */
export async function listProfessionalMessages(db: Db, actor: ProfessionalActor, input: { before?: string }):
  Promise<{ items: ProMessage[]; olderCursor: string | null; unread: number }> {
  ensurePro(actor);
  const me = actor.professionalId;
  let query = db.selectFrom('professional_messages as m').select(COLUMNS).where('m.professional_id', '=', me);
  if (input.before && UUID.test(input.before)) {
    query = query.where(sql<boolean>`(m.created_at, m.id) < (select c.created_at, c.id from professional_messages c
      where c.id = ${input.before} and c.professional_id = ${me})`);
  }
  const [rows, unread] = await Promise.all([
    query.orderBy('m.created_at', 'desc').orderBy('m.id', 'desc').limit(MESSAGES_PAGE_SIZE + 1).execute(),
    db.selectFrom('professional_messages').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('professional_id', '=', me).where('read_at', 'is', null).executeTakeFirstOrThrow(),
  ]);
  const items = rows.slice(0, MESSAGES_PAGE_SIZE).map(toMessage);
  return { items, olderCursor: rows.length > MESSAGES_PAGE_SIZE ? items[items.length - 1]!.id : null, unread: Number(unread.n) };
}

/**
 * Opens one of this professional's messages and marks it read (first opening only), traced on the
 * patient's chain (AUD-1: it names the patient); another's, or an unknown id, is "introuvable" and the
 * attempt is traced too.
 */
export async function openProfessionalMessage(db: Db, actor: ProfessionalActor, messageId: string, now: Date): Promise<ProMessage> {
  ensurePro(actor);
  const row = UUID.test(messageId) ? await db.transaction().execute(async (trx) => {
    const opened = await trx.updateTable('professional_messages as m')
      .set({ read_at: sql<Date>`coalesce(m.read_at, ${now}::timestamptz)` })
      .where('m.id', '=', messageId).where('m.professional_id', '=', actor.professionalId)
      .returning(COLUMNS).executeTakeFirst();
    if (opened) await recordAccess(trx, { actor, action: 'pro-message.read', profileId: opened.profile_id, target: { type: 'message', id: opened.id }, at: now, channel: 'PRO' });
    return opened;
  }) : undefined;
  if (!row) {
    await recordAccess(db, { actor, action: 'pro-message.read', profileId: null, target: { type: 'message', id: messageId.slice(0, 64) }, denied: 'no-target', at: now, channel: 'PRO' });
    throw new NotFoundError('Message');
  }
  return toMessage(row);
}
