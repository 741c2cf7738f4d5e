import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { liftSuspension, suspendProfile } from '@/lib/closure/support';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { contactableProfessionals } from '@/lib/messaging/contactable-professionals';
import { listConversations } from '@/lib/messaging/list-conversations';
import { markProfessionalInactive } from '@/lib/messaging/mark-professional-inactive';
import { openConversation } from '@/lib/messaging/open-conversation';
import { openProAttachment } from '@/lib/messaging/pro-attachment';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { startPatientConversation } from '@/lib/messaging/start-patient-conversation';
import { unreadMessagesForNav } from '@/lib/messaging/unread-nav';
import { writeToPatient } from '@/lib/messaging/write-to-patient';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { readAll } from '@/lib/storage/blob-store';
import { aHolder, aProfessional, aStaffMember, insOf } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const aDoctor = () => aProfessional(db, { given: 'Paul', family: `Durand${randomInt(1e6)}` });

async function consent(profileId: string, gp: Awaited<ReturnType<typeof aDoctor>>) {
  await declareConsent(db, gp, { ins: await insOf(db, profileId), patientAgreed: true }, now, 'PRO');
}

async function aPatientAndDoctor() {
  const h = await aHolder(db, now);
  const gp = await aDoctor();
  await consent(h.profileId, gp);
  return { ...h, gp };
}

const msg = (profileId: string, extra: Partial<Parameters<typeof writeToPatient>[2]> = {}) =>
  ({ profileId, subject: 'Vos résultats', body: 'Tout est normal.', replyOption: 'REPLY', ...extra });
const proInbox = (professionalId: string) => db.selectFrom('professional_messages').select(['subject', 'body', 'profile_id'])
  .where('professional_id', '=', professionalId).orderBy('created_at').orderBy('id').execute();
const traceOf = (profileId: string | null, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_id'])
  .where(profileId ? 'profile_id' : 'chain_key', '=', profileId ?? 'global').where('action', '=', action).orderBy('id').execute();

describe('MSG-12: held messages are delivered when the suspension is lifted', () => {
  test('suspended → message HELD and invisible; liftSuspension delivers it in the same step and notifies once', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const agent = await aStaffMember(db);
    await suspendProfile(db, agent, { profileId, reason: 'Dysfonctionnement grave' }, now);
    const sent = await writeToPatient(db, gp, msg(profileId, { subject: 'Pendant la suspension' }), later(1), 'PRO');
    expect(sent.outcome).toBe('HELD');
    const notices = () => db.selectFrom('notifications').select('id').where('profile_id', '=', profileId).where('kind', '=', 'NOTIF_MESSAGE').execute();
    expect(await notices()).toHaveLength(0);

    await liftSuspension(db, agent, profileId, later(2));
    expect((await db.selectFrom('profiles').select('state').where('id', '=', profileId).executeTakeFirstOrThrow()).state).toBe('ACTIVE');
    const inbox = await listConversations(db, actor, { profileId }, later(3));
    expect(inbox.items.map((c) => c.subject)).toEqual(['Pendant la suspension']);
    expect(inbox.unreadTotal).toBe(1);
    expect(await notices()).toHaveLength(1);
    expect(await db.selectFrom('messages').select('status').where('id', '=', sent.messageId!).executeTakeFirstOrThrow()).toEqual({ status: 'DELIVERED' });
  });
});

describe('MSG-10, MSG-4: the professional downloads attachments and is told of replies', () => {
  test('the doctor downloads the patient’s attachment (traced); another doctor and an unknown id get « introuvable »', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    await replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Voici mon analyse.', files: [{ name: 'analyse.pdf', bytes: PDF }] }, later(1));
    const attachment = await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
      .select('a.id').where('m.conversation_id', '=', sent.conversationId).executeTakeFirstOrThrow();

    const file = await openProAttachment(db, gp, { profileId, attachmentId: attachment.id }, later(2), 'PRO');
    expect(file.name).toBe('analyse.pdf');
    expect(await readAll(file.stream)).toEqual(PDF);
    expect(await traceOf(profileId, 'message.attachment.read')).toMatchObject([{ outcome: 'OK', target_id: attachment.id }]);

    const other = await aDoctor();
    await consent(profileId, other);
    await expect(openProAttachment(db, other, { profileId, attachmentId: attachment.id }, later(3), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    await expect(openProAttachment(db, gp, { profileId, attachmentId: 'pas-un-id' }, later(3), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    // PRO-5: without the patient's authorisation, the gate refuses before anything is read.
    const stranger = await aDoctor();
    await expect(openProAttachment(db, stranger, { profileId, attachmentId: attachment.id }, later(3), 'PRO')).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('a reply and a new patient message each leave a row in the doctor’s « Messagerie sécurisée », without the message text', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    await replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Texte confidentiel de la réponse' }, later(1));
    await startPatientConversation(db, actor, { profileId, professionalId: gp.professionalId, subject: 'Une autre question', body: 'Autre texte' }, later(2));
    const rows = await proInbox(gp.professionalId);
    expect(rows.map((r) => r.subject)).toEqual([expect.stringMatching(/^Réponse de .+ : Vos résultats$/), expect.stringMatching(/^Nouveau message de .+ : Une autre question$/)]);
    expect(rows.every((r) => r.profile_id === profileId)).toBe(true);
    expect(rows.map((r) => r.body).join(' ')).not.toMatch(/Texte confidentiel|Autre texte/);
  });
});

describe('MSG-4: the « Messagerie » menu count', () => {
  test('counts unread PS messages over the account’s profiles, and drops to 0 once opened', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    expect(await unreadMessagesForNav(db, actor)).toBe(0);
    const a = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    await writeToPatient(db, gp, msg(profileId, { subject: 'Autre sujet' }), later(1), 'PRO');
    expect(await unreadMessagesForNav(db, actor)).toBe(2);
    await openConversation(db, actor, { profileId, conversationId: a.conversationId }, later(2));
    expect(await unreadMessagesForNav(db, actor)).toBe(1);
    const stranger = await aHolder(db, now);
    expect(await unreadMessagesForNav(db, stranger.actor)).toBe(0);
  });
});

describe('MSG-11: a professional no longer practising', () => {
  test('staff mark it (traced); the patient is warned, cannot reply nor start a conversation; unmarking restores it', async () => {
    const { profileId, actor, gp } = await aPatientAndDoctor();
    const sent = await writeToPatient(db, gp, msg(profileId), now, 'PRO');
    expect((await contactableProfessionals(db, actor, profileId, later(1))).map((p) => p.professionalId)).toEqual([gp.professionalId]);
    const agent = await aStaffMember(db);
    await markProfessionalInactive(db, agent, { professionalId: gp.professionalId, inactive: true }, later(2));
    expect(await traceOf(null, 'professional.inactive.mark')).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'OK', target_id: gp.professionalId })]));

    const opened = await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(3));
    expect(opened.professionalInactive).toBe(true);
    expect(opened.replyRefusal).toMatch(/n’exerce plus : vous ne pouvez plus lui écrire/);
    await expect(replyAsPatient(db, actor, { profileId, conversationId: sent.conversationId, body: 'Bonjour ?' }, later(4))).rejects.toThrow(/n’exerce plus/);
    expect(await contactableProfessionals(db, actor, profileId, later(4))).toEqual([]);
    await expect(startPatientConversation(db, actor, { profileId, professionalId: gp.professionalId, subject: 'Question', body: 'Bonjour' }, later(4)))
      .rejects.toThrow(ValidationError);
    await expect(startPatientConversation(db, actor, { profileId, professionalId: gp.professionalId, subject: 'Question', body: 'Bonjour' }, later(4)))
      .rejects.toThrow(/n’exerce plus/);
    expect(await db.selectFrom('messages').select('id').where('conversation_id', '=', sent.conversationId).execute()).toHaveLength(1);

    await markProfessionalInactive(db, agent, { professionalId: gp.professionalId, inactive: false }, later(5));
    expect((await openConversation(db, actor, { profileId, conversationId: sent.conversationId }, later(6))).replyRefusal).toBeNull();
  });

  test('only staff may mark a professional; a patient or a professional is refused and traced', async () => {
    const { actor, gp } = await aPatientAndDoctor();
    await expect(markProfessionalInactive(db, actor, { professionalId: gp.professionalId, inactive: true }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(markProfessionalInactive(db, gp, { professionalId: gp.professionalId, inactive: true }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await db.selectFrom('professionals').select('inactive_since').where('id', '=', gp.professionalId).executeTakeFirstOrThrow()).inactive_since).toBeNull();
    const refused = await traceOf(null, 'professional.inactive.mark');
    expect(refused.filter((t) => t.target_id === gp.professionalId && t.outcome !== 'OK')).toHaveLength(2);
    const agent = await aStaffMember(db);
    await expect(markProfessionalInactive(db, agent, { professionalId: '00000000-0000-4000-8000-000000000000', inactive: true }, now)).rejects.toBeInstanceOf(NotFoundError);
  });
});
