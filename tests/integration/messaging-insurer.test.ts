import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { deliverHeldMessages } from '@/lib/messaging/deliver-held-messages';
import { unreadMessagesForNav } from '@/lib/messaging/unread-nav';
import { insurerMessagesCte } from '@/lib/messaging/insurer-messages';
import { listConversations } from '@/lib/messaging/list-conversations';
import { openConversation } from '@/lib/messaging/open-conversation';
import { ReplyRefusedError, replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { aHolder, aPendingPerson } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
afterAll(() => closeDb());

const message = { subject: 'Dépistage du cancer colorectal', body: 'Vous avez entre 50 et 74 ans : le test de dépistage est pris en charge.', now };

/** The campaign's shape: a CTE of (profile_id) rows, then the helper's CTEs, in one statement. */
async function sendTo(profileIds: string[]) {
  const { rows } = await sql<{ conversations: string; messages: string }>`
    with recipients as (select unnest(${profileIds}::uuid[]) as profile_id),
    ${insurerMessagesCte('recipients', message)}
    select (select count(*) from insurer_conversations) as conversations, (select count(*) from insurer_messages) as messages`.execute(db);
  return rows[0]!;
}

describe('MSG-2, MSG-4: messages from « Assurance Maladie » (insurer-messages.ts)', () => {
  test('one conversation per ACTIVE profile, in the inbox as « Assurance Maladie », unread, NO_REPLY (no reply possible)', async () => {
    const [a, b] = [await aHolder(db, now), await aHolder(db, now)];
    const pending = await aPendingPerson(db, now); // MSG-12: not ACTIVE → nothing
    expect(await sendTo([a.profileId, b.profileId, pending.profileId, a.profileId])).toEqual({ conversations: '2', messages: '2' });
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', pending.profileId).execute()).toEqual([]);

    const inbox = await listConversations(db, a.actor, { profileId: a.profileId }, now);
    expect(inbox.items).toMatchObject([{ subject: message.subject, professionalLabel: 'Assurance Maladie', counterpart: 'ORGANISATION', unread: 1 }]);
    expect(inbox.unreadTotal).toBe(1);
    expect(await unreadMessagesForNav(db, a.actor)).toBe(1);
    const opened = await openConversation(db, a.actor, { profileId: a.profileId, conversationId: inbox.items[0]!.id }, now);
    expect(opened.messages).toMatchObject([{ authorKind: 'ORGANISATION', authorLabel: 'Assurance Maladie', body: message.body, replyOption: 'NO_REPLY' }]);
    expect(opened.replyRefusal).toMatch(/Vous ne pouvez pas répondre à ce message/);
    await expect(replyAsPatient(db, a.actor, { profileId: a.profileId, conversationId: opened.id, body: 'Merci' }, now)).rejects.toBeInstanceOf(ReplyRefusedError);
    expect((await listConversations(db, a.actor, { profileId: a.profileId }, now)).unreadTotal).toBe(0);
    expect((await listConversations(db, b.actor, { profileId: b.profileId }, now)).items).toHaveLength(1);
  });

  test('MSG-12: for a SUSPENDED profile the message is held, then delivered when the suspension is lifted', async () => {
    const h = await aHolder(db, now);
    await db.updateTable('profiles').set({ state: 'SUSPENDED' }).where('id', '=', h.profileId).execute(); // setup: a suspension
    expect(await sendTo([h.profileId])).toEqual({ conversations: '1', messages: '1' });
    await db.updateTable('profiles').set({ state: 'ACTIVE' }).where('id', '=', h.profileId).execute();
    expect((await listConversations(db, h.actor, { profileId: h.profileId }, now)).items).toEqual([]);
    expect(await deliverHeldMessages(db, h.profileId, now)).toBe(1);
    expect((await listConversations(db, h.actor, { profileId: h.profileId }, now)).items).toMatchObject([{ professionalLabel: 'Assurance Maladie', unread: 1 }]);
  });

  test('an empty subject or body is refused before any SQL runs', () => {
    expect(() => insurerMessagesCte('recipients', { ...message, subject: ' ' })).toThrow(/objet/);
    expect(() => insurerMessagesCte('recipients', { ...message, body: '' })).toThrow(/message/);
    expect(() => insurerMessagesCte('recipients; drop table x', message)).toThrow();
  });
});
