import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { listDocuments } from '@/lib/documents/list-documents';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { openAttachment } from '@/lib/messaging/attachment-file';
import { contactableProfessionals } from '@/lib/messaging/contactable-professionals';
import { deleteConversation } from '@/lib/messaging/delete-conversation';
import { deliverHeldMessages } from '@/lib/messaging/deliver-held-messages';
import { listConversations } from '@/lib/messaging/list-conversations';
import { openConversation } from '@/lib/messaging/open-conversation';
import { listProConversations } from '@/lib/messaging/pro-conversations';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { saveAttachmentToDocuments } from '@/lib/messaging/save-attachment';
import { startPatientConversation } from '@/lib/messaging/start-patient-conversation';
import { NotDeliveredError, writeToPatient } from '@/lib/messaging/write-to-patient';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { readAll } from '@/lib/storage/blob-store';
import { aHolder, aProfessional, insOf } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** An active patient with the INS traits, and an authorised doctor (PRO-5). */
async function aPatientAndDoctor() {
  const h = await aHolder(db, now);
  const gp = await aProfessional(db, { given: 'Claire', family: `Martin${randomInt(1e6)}` });
  await declareConsent(db, gp, { ins: await insOf(db, h.profileId), patientAgreed: true }, now, 'PRO');
  return { ...h, gp };
}

const msg = (profileId: string, extra: Partial<Parameters<typeof writeToPatient>[2]> = {}) =>
  ({ profileId, subject: 'Vos résultats', body: 'Tout est normal.', replyOption: 'REPLY', ...extra });

const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason'])
  .where('profile_id', '=', profileId).where('action', 'like', 'message.%').orderBy('id').execute();
const notices = (profileId: string) => db.selectFrom('notifications').select('kind').where('profile_id', '=', profileId).where('kind', '=', 'NOTIF_MESSAGE').execute();
const proInbox = (professionalId: string) => db.selectFrom('professional_messages').select(['subject', 'body']).where('professional_id', '=', professionalId).execute();

describe('MSG-2, MSG-4: a professional writes, the patient reads and replies', () => {
  test('start, unread counts, open marks read, reply; notified and traced', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId, { files: [{ name: 'cr.pdf', bytes: PDF }] }), now, 'PRO');
    expect(sent).toMatchObject({ outcome: 'DELIVERED', fin: 'NONE' });
    await writeToPatient(db, gp, msg(profileId, { conversationId: sent.conversationId, subject: 'Vos résultats', body: 'Précision.' }), later(1), 'PRO');
    const inbox = await listConversations(db, actor, { profileId }, later(2));
    expect(inbox.unreadTotal).toBe(2);
    expect(inbox.items).toMatchObject([{ id: sent.conversationId, unread: 2, closed: false }]);
    const opened = await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(3));
    expect(opened.messages.map((m) => m.body)).toEqual(['Tout est normal.', 'Précision.']);
    expect(opened.messages[0]!.attachments).toMatchObject([{ name: 'cr.pdf', mime: 'application/pdf' }]);
    expect(opened.replyRefusal).toBeNull();
    expect((await listConversations(db, actor, { profileId }, later(4))).unreadTotal).toBe(0);
    await replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Merci docteur.' }, later(5));
    const pro = await listProConversations(db, gp, profileId, later(6), 'PRO');
    expect(pro[0]!.messages.map((m) => `${m.authorKind}:${m.body}`)).toEqual(['PS:Tout est normal.', 'PS:Précision.', 'PATIENT:Merci docteur.']);
    expect(await notices(profileId)).toHaveLength(2);
    expect((await traces(profileId)).map((t) => `${t.action}:${t.outcome}`)).toEqual(['message.send:OK', 'message.send:OK', 'message.reply:OK', 'message.list:OK']);
  });

  test('MSG-4: a NO_REPLY message refuses the reply', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId, { replyOption: 'NO_REPLY' }), now, 'PRO');
    await expect(replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Bonjour' }, later(1))).rejects.toThrow(/n’accepte pas de réponse/);
  });
});

describe('MSG-7, MSG-8: [FIN]', () => {
  test('MSG-7: an empty [FIN] closes without delivery nor notification; the patient may no longer reply', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    const fin = await writeToPatient(db, gp, msg(profileId, { conversationId: sent.conversationId, subject: 'Suivi [fin]', body: '<p><br></p>&nbsp;' }), later(1), 'PRO');
    expect(fin).toMatchObject({ outcome: 'CLOSED_ONLY', messageId: null, fin: 'CLOSE_ONLY' });
    const opened = await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(2));
    expect(opened.messages).toHaveLength(1);
    expect(opened.replyRefusal).toMatch(/a mis fin à vos échanges/);
    await expect(replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Encore une question' }, later(3)))
      .rejects.toThrow(/a mis fin à vos échanges/);
    expect(await notices(profileId)).toHaveLength(1);
    expect((await traces(profileId)).map((t) => t.action)).toContain('message.close');
    // MSG-5: the PS is no longer contactable until they write again.
    expect(await contactableProfessionals(db, actor, profileId, later(4))).toEqual([]);
  });

  test('MSG-8: a [FIN] with content is delivered, then the conversation closes', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    const fin = await writeToPatient(db, gp, msg(profileId, { conversationId: sent.conversationId, subject: '[FIN] Vos résultats', body: 'Bonne continuation.' }), later(1), 'PRO');
    expect(fin).toMatchObject({ outcome: 'DELIVERED', fin: 'DELIVER_THEN_CLOSE' });
    const opened = await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(2));
    expect(opened.messages.map((m) => m.body)).toEqual(['Tout est normal.', 'Bonne continuation.']);
    expect(opened.closed).toBe(true);
    expect(await notices(profileId)).toHaveLength(2);
    await expect(writeToPatient(db, gp, msg(profileId, { conversationId: sent.conversationId }), later(3), 'PRO')).rejects.toThrow(/close/);
  });

  test('MSG-7: an empty [FIN] cannot open a conversation', async () => {
    const { profileId, gp } = await aPatientAndDoctor();
    await expect(writeToPatient(db, gp, msg(profileId, { subject: '[FIN]', body: '' }), now, 'PRO')).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('MSG-3(a), MSG-6: the patient starts a conversation only with a contactable PS', () => {
  test('never-written PS refused; a PS who wrote and whose conversation is open accepted', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const other = await aProfessional(db);
    const input = { profileId, professionalId: gp.professionalId, subject: 'Question', body: 'Bonjour' };
    await expect(startPatientConversation(db, actor, input, now)).rejects.toThrow(/déjà écrit/);
    await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    expect((await contactableProfessionals(db, actor, profileId, later(1))).map((p) => p.professionalId)).toEqual([gp.professionalId]);
    await expect(startPatientConversation(db, actor, { ...input, professionalId: other.professionalId }, later(1))).rejects.toThrow(/déjà écrit/);
    const { conversationId } = await startPatientConversation(db, actor, input, later(2));
    const pro = await listProConversations(db, gp, profileId, later(3), 'PRO');
    expect(pro.find((c) => c.id === conversationId)?.messages).toMatchObject([{ authorKind: 'PATIENT', body: 'Bonjour' }]);
    expect((await traces(profileId)).map((t) => t.action)).toContain('message.start');
  });
});

describe('MSG-12: refusals and held messages', () => {
  test('PRO-6: a blocked PS is refused, traced, and gets a non-delivery notice', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    await blockProfessional(db, actor, { profileId, professionalId: gp.professionalId }, now);
    await expect(writeToPatient(db, gp, msg(profileId), later(1), 'PRO')).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await proInbox(gp.professionalId)).toMatchObject([{ subject: 'Message non distribué : Vos résultats' }]);
    expect((await traces(profileId)).map((t) => `${t.action}:${t.outcome}`)).toEqual(['message.send:DENIED']);
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', profileId).execute()).toEqual([]);
  });

  test.each(['CREATED', 'CLOSED'] as const)('a %s profile is refused with a notice', async (state) => {
    const { profileId, gp } = await aPatientAndDoctor();
    await db.updateTable('profiles').set({ state }).where('id', '=', profileId).execute();
    await expect(writeToPatient(db, gp, msg(profileId), now, 'PRO')).rejects.toThrow(state === 'CREATED' ? NotDeliveredError : AccessDeniedError);
    expect((await proInbox(gp.professionalId))[0]?.subject).toBe('Message non distribué : Vos résultats');
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', profileId).execute()).toEqual([]);
  });

  test('a SUSPENDED profile: stored HELD, not notified, delivered on reactivation', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    await db.updateTable('profiles').set({ state: 'SUSPENDED' }).where('id', '=', profileId).execute();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    expect(sent.outcome).toBe('HELD');
    expect(await notices(profileId)).toHaveLength(0);
    expect((await proInbox(gp.professionalId))[0]?.subject).toBe('Message en attente : Vos résultats');
    await db.updateTable('profiles').set({ state: 'ACTIVE' }).where('id', '=', profileId).execute();
    expect((await listConversations(db, actor, { profileId }, later(1))).items).toEqual([]);
    expect(await deliverHeldMessages(db, profileId, later(2))).toBe(1);
    expect((await listConversations(db, actor, { profileId }, later(3))).unreadTotal).toBe(1);
    expect(await notices(profileId)).toHaveLength(1);
  });
});

describe('MSG-10, MSG-5: attachments', () => {
  test('MSG-10: more than 10 MB in one message is refused and nothing is stored', async () => {
    const { profileId, gp } = await aPatientAndDoctor();
    const big = Buffer.concat([PDF, Buffer.alloc(4 * 1024 * 1024, 0x20)]);
    const files = [1, 2, 3].map((i) => ({ name: `p${i}.pdf`, bytes: big }));
    await expect(writeToPatient(db, gp, msg(profileId, { files }), now, 'PRO')).rejects.toThrow(/10 Mo/);
    await expect(writeToPatient(db, gp, msg(profileId, { files: [{ name: 'x.pdf', bytes: Buffer.from('pas un pdf') }] }), now, 'PRO'))
      .rejects.toThrow(/ne correspond pas/);
    expect(await db.selectFrom('conversations').select('id').where('profile_id', '=', profileId).execute()).toEqual([]);
  });

  test('save to Documents (patient-authored, sender named); deleting the conversation keeps the copy', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId, { files: [{ name: 'ordonnance.pdf', bytes: PDF }] }), now, 'PRO');
    const opened = await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(1));
    const attachmentId = opened.messages[0]!.attachments[0]!.id;
    expect(await readAll((await openAttachment(db, actor, { profileId, attachmentId }, later(1))).stream)).toEqual(PDF);
    const { documentId } = await saveAttachmentToDocuments(db, actor, { profileId, attachmentId }, later(2));
    const doc = await db.selectFrom('documents').select(['author_type', 'author_label', 'title']).where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ author_type: 'PATIENT', title: 'ordonnance' });
    expect(doc.author_label).toContain(gp.name);
    await deleteConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(3));
    expect((await listConversations(db, actor, { profileId }, later(4))).items).toEqual([]);
    await expect(openAttachment(db, actor, { profileId, attachmentId }, later(4))).rejects.toThrow(/introuvable/);
    const docs = await listDocuments(db, actor, profileId, {}, later(5));
    expect(JSON.stringify(docs)).toContain(documentId);
    expect((await traces(profileId)).map((t) => t.action)).toEqual(expect.arrayContaining(['message.attachment.save', 'message.delete']));
  });

  test('MSG-6 and the policy: another patient cannot read this inbox', async () => {
    const { profileId, gp } = await aPatientAndDoctor();
    const stranger = await aHolder(db, now);
    await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    await expect(listConversations(db, stranger.actor, { profileId }, later(1))).rejects.toBeInstanceOf(AccessDeniedError);
  });
});
