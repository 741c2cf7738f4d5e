import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { deleteConversation } from '@/lib/messaging/delete-conversation';
import { listConversations } from '@/lib/messaging/list-conversations';
import { openConversation } from '@/lib/messaging/open-conversation';
import { openPharmacyAttachment } from '@/lib/messaging/pharmacy-attachment';
import { listPharmacyConversations, openPharmacyConversation } from '@/lib/messaging/pharmacy-inbox';
import { replyAsPatient } from '@/lib/messaging/reply-as-patient';
import { replyAsPharmacy } from '@/lib/messaging/reply-as-pharmacy';
import { startPharmacyConversation } from '@/lib/messaging/start-pharmacy-conversation';
import { visitedPharmacies } from '@/lib/messaging/visited-pharmacies';
import { aHolder, aProfessional } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
afterAll(() => closeDb());
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A pharmacy with a fresh FINESS. */
async function aPharmacy(name: string, organisationalMailbox = true) {
  const finess = `75${String(randomInt(1e7)).padStart(7, '0')}`;
  await db.insertInto('pharmacies').values({ finess, name, city: 'Paris', organisational_mailbox: organisationalMailbox }).execute();
  return finess;
}
const dispensation = (profileId: string, finess: string, date: string) => db.insertInto('care_episodes').values({
  profile_id: profileId, claim_line_id: `test-pharma-${randomInt(1e12)}`, care_date: date, category: 'MEDICINE', label: 'Paracétamol',
  prescriber_specialty: null, dispenser_finess: finess, import_id: null }).execute();
const conversations = (profileId: string) => db.selectFrom('conversations').select(['pharmacy_finess', 'professional_id']).where('profile_id', '=', profileId).execute();

describe('MSG-3(b): « Pharmacies déjà fréquentées »', () => {
  test('only pharmacies with a mailbox and a dispensation for this profile in the past year (today − 1 year included)', async () => {
    const h = await aHolder(db, now);
    const other = await aHolder(db, now);
    const recent = await aPharmacy('Pharmacie Récente');
    const boundary = await aPharmacy('Pharmacie Anniversaire');
    const old = await aPharmacy('Pharmacie Ancienne');
    const noMailbox = await aPharmacy('Pharmacie Sans Messagerie', false);
    const someoneElses = await aPharmacy('Pharmacie du Voisin');
    await dispensation(h.profileId, recent, '2026-10-02');
    await dispensation(h.profileId, old, '2025-11-28');
    await dispensation(h.profileId, boundary, '2025-11-29');
    await dispensation(h.profileId, noMailbox, '2026-11-01');
    await dispensation(other.profileId, someoneElses, '2026-11-01');
    const list = await visitedPharmacies(db, h.actor, h.profileId, now);
    expect(list.map((p) => [p.finess, p.lastDispensation])).toEqual([[boundary, '2025-11-29'], [recent, '2026-10-02']]);
    // An older dispensation at the same pharmacy does not hide a recent one.
    await dispensation(h.profileId, old, '2026-03-01');
    expect((await visitedPharmacies(db, h.actor, h.profileId, now)).map((p) => p.name)).toEqual(['Pharmacie Ancienne', 'Pharmacie Anniversaire', 'Pharmacie Récente']);
    // Another patient cannot list them.
    await expect(visitedPharmacies(db, other.actor, h.profileId, now)).rejects.toThrow();
  });

  test('the patient starts a conversation with a visited pharmacy, with an attachment; otherwise refused and nothing written', async () => {
    const h = await aHolder(db, now);
    const visited = await aPharmacy('Pharmacie du Marché');
    const never = await aPharmacy('Pharmacie Inconnue');
    await dispensation(h.profileId, visited, '2026-09-15');
    const input = { profileId: h.profileId, subject: 'Ordonnance à préparer', body: 'Bonjour, pouvez-vous préparer mon ordonnance ?' };

    const withoutFile = startPharmacyConversation(db, h.actor, { ...input, finess: visited }, now);
    await expect(withoutFile).rejects.toThrow(ValidationError);
    await expect(withoutFile).rejects.toThrow(/Joignez au moins un document/);
    await expect(startPharmacyConversation(db, h.actor, { ...input, finess: never, files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, now))
      .rejects.toThrow(/qui vous a délivré un médicament remboursé au cours de l’année écoulée/);
    await expect(startPharmacyConversation(db, h.actor, { ...input, finess: visited, files: [{ name: 'ordonnance.pdf', bytes: Buffer.from('pas un pdf') }] }, now))
      .rejects.toThrow(/ne correspond pas à un fichier PDF/);
    const noMailbox = await aPharmacy('Pharmacie Sans Messagerie', false);
    await dispensation(h.profileId, noMailbox, '2026-11-01');
    await expect(startPharmacyConversation(db, h.actor, { ...input, finess: noMailbox, files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, now))
      .rejects.toThrow(/dotée d’une messagerie/);
    expect(await conversations(h.profileId)).toEqual([]);

    const { conversationId } = await startPharmacyConversation(db, h.actor, { ...input, finess: visited, files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, now);
    expect(await conversations(h.profileId)).toEqual([{ pharmacy_finess: visited, professional_id: null }]);
    const files = await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id')
      .select(['a.name', 'm.author_kind']).where('m.conversation_id', '=', conversationId).execute();
    expect(files).toEqual([{ name: 'ordonnance.pdf', author_kind: 'PATIENT' }]);
    const trace = await db.selectFrom('access_events').select(['action', 'outcome']).where('profile_id', '=', h.profileId).where('action', '=', 'message.start').execute();
    expect(trace).toEqual([{ action: 'message.start', outcome: 'OK' }]);
  });

  test('a pharmacy whose last dispensation is more than a year old is refused (MSG-3: reply only)', async () => {
    const h = await aHolder(db, now);
    const old = await aPharmacy('Pharmacie Oubliée');
    await dispensation(h.profileId, old, '2025-11-28');
    await expect(startPharmacyConversation(db, h.actor, { profileId: h.profileId, finess: old, subject: 'Ordonnance', body: '',
      files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, now)).rejects.toThrow(ValidationError);
    expect(await conversations(h.profileId)).toEqual([]);
  });
});

describe('MSG-3(b): the pharmacist side', () => {
  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const traces = (profileId: string, action: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_id'])
    .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

  /** A patient who wrote to a visited pharmacy (with the prescription), and a pharmacist acting at its FINESS (PRO-2). */
  async function aPatientWhoWroteToAPharmacy() {
    const h = await aHolder(db, now);
    const finess = await aPharmacy('Pharmacie du Marché');
    await dispensation(h.profileId, finess, '2026-09-15');
    const { conversationId } = await startPharmacyConversation(db, h.actor, { profileId: h.profileId, finess, subject: 'Ordonnance à préparer',
      body: 'Pouvez-vous la préparer ?', files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, now);
    const pharmacist = await aProfessional(db, { profession: '21', given: 'Lucie', family: 'Moreau', finess, facilityName: 'Pharmacie du Marché' });
    return { ...h, finess, conversationId, pharmacist };
  }

  test('MSG-3(b), MSG-10: the pharmacist of that FINESS lists, reads (attachment downloadable) — each read traced on the patient', async () => {
    const { profileId, conversationId, pharmacist } = await aPatientWhoWroteToAPharmacy();
    const inbox = await listPharmacyConversations(db, pharmacist, {}, later(1), 'PRO');
    expect(inbox.pharmacy?.name).toBe('Pharmacie du Marché');
    expect(inbox.items).toMatchObject([{ id: conversationId, subject: 'Ordonnance à préparer', unread: true, closed: false }]);
    const opened = await openPharmacyConversation(db, pharmacist, conversationId, later(2), 'PRO');
    expect(opened.messages).toMatchObject([{ authorKind: 'PATIENT', body: 'Pouvez-vous la préparer ?', attachments: [{ name: 'ordonnance.pdf' }] }]);
    const file = await openPharmacyAttachment(db, pharmacist, { conversationId, attachmentId: opened.messages[0]!.attachments[0]!.id }, later(3), 'PRO');
    expect(Buffer.concat(await file.stream.toArray())).toEqual(PDF);
    expect((await listPharmacyConversations(db, pharmacist, {}, later(4), 'PRO')).items[0]!.unread).toBe(false);
    for (const action of ['message.list', 'message.read', 'message.attachment.read']) {
      expect(await traces(profileId, action)).toEqual(expect.arrayContaining([expect.objectContaining({ outcome: 'OK', actor_id: pharmacist.facility!.id })]));
    }
  });

  test('MSG-3(b): a pharmacist of another FINESS cannot read it — 404 (no leak) and a traced refusal; a liberal doctor neither', async () => {
    const { profileId, actor, conversationId, pharmacist } = await aPatientWhoWroteToAPharmacy();
    const elsewhere = await aProfessional(db, { profession: '21', finess: await aPharmacy('Pharmacie de la Gare'), facilityName: 'Pharmacie de la Gare' });
    const doctor = await aProfessional(db);
    for (const intruder of [elsewhere, doctor]) {
      await expect(openPharmacyConversation(db, intruder, conversationId, later(1), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
      await expect(replyAsPharmacy(db, intruder, { conversationId, subject: 'Re', body: 'Prête', replyOption: 'REPLY' }, later(1), 'PRO'))
        .rejects.toBeInstanceOf(NotFoundError);
      expect((await listPharmacyConversations(db, intruder, {}, later(1), 'PRO')).items.map((i) => i.id)).not.toContain(conversationId);
    }
    expect(await traces(profileId, 'message.read')).toEqual([
      expect.objectContaining({ outcome: 'DENIED', reason: 'pro-other-pharmacy', actor_id: elsewhere.facility!.id }),
      expect.objectContaining({ outcome: 'DENIED', reason: 'pro-other-pharmacy', actor_id: doctor.rpps }),
    ]);
    // PRO-6: blocked by the patient, even the right pharmacy's pharmacist is refused.
    await blockProfessional(db, actor, { profileId, professionalId: pharmacist.professionalId }, now);
    await expect(openPharmacyConversation(db, pharmacist, conversationId, later(2), 'PRO')).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await listPharmacyConversations(db, pharmacist, {}, later(2), 'PRO')).items).toEqual([]);
  });

  test('MSG-3(b), MSG-4: the pharmacist replies; the patient reads the pharmacy’s answer (name and city), replies, and the reply option is respected', async () => {
    const { profileId, actor, conversationId, pharmacist } = await aPatientWhoWroteToAPharmacy();
    const r = await replyAsPharmacy(db, pharmacist, { conversationId, subject: 'Ordonnance à préparer', body: 'Votre traitement est prêt.',
      replyOption: 'REPLY' }, later(1), 'PRO');
    expect(r).toMatchObject({ outcome: 'DELIVERED', fin: 'NONE' });
    const inbox = await listConversations(db, actor, { profileId }, later(2));
    expect(inbox.items).toMatchObject([{ id: conversationId, professionalLabel: 'Pharmacie du Marché (Paris)', counterpart: 'PHARMACY', unread: 1 }]);
    expect(inbox.unreadTotal).toBe(1);
    const opened = await openConversation(db, actor, { profileId, conversationId }, later(3));
    expect(opened.messages.map((m) => m.body)).toEqual(['Pouvez-vous la préparer ?', 'Votre traitement est prêt.']);
    expect(opened.messages[1]!.authorLabel).toMatch(/^Pharmacie du Marché — Lucie Moreau, Pharmacien/);
    expect(opened.replyRefusal).toBeNull();
    await replyAsPatient(db, actor, { profileId, conversationId, body: 'Merci, je passe ce soir.' }, later(4));
    expect((await listPharmacyConversations(db, pharmacist, {}, later(5), 'PRO')).items[0]!.unread).toBe(true);
    // MSG-4: NO_REPLY — the patient cannot answer that message.
    await replyAsPharmacy(db, pharmacist, { conversationId, subject: 'Info', body: 'Fermé lundi.', replyOption: 'NO_REPLY' }, later(6), 'PRO');
    expect((await openConversation(db, actor, { profileId, conversationId }, later(7))).replyRefusal).toBe('Cette pharmacie n’accepte pas de réponse à ce message.');
    await expect(replyAsPatient(db, actor, { profileId, conversationId, body: 'Et mardi ?' }, later(8))).rejects.toThrow(/Cette pharmacie n’accepte pas/);
  });

  test('MSG-7, MSG-5: an empty [FIN] from the pharmacist closes without delivering; the patient cannot reply, then deletes it', async () => {
    const { profileId, actor, conversationId, pharmacist } = await aPatientWhoWroteToAPharmacy();
    const r = await replyAsPharmacy(db, pharmacist, { conversationId, subject: '[FIN] Ordonnance', body: '  ', replyOption: 'REPLY' }, later(1), 'PRO');
    expect(r).toMatchObject({ outcome: 'CLOSED_ONLY', messageId: null });
    const opened = await openConversation(db, actor, { profileId, conversationId }, later(2));
    expect(opened.messages).toHaveLength(1);
    expect(opened.replyRefusal).toBe('Pharmacie du Marché (Paris) a mis fin à vos échanges.');
    await expect(replyAsPharmacy(db, pharmacist, { conversationId, subject: 'Re', body: 'Oubli', replyOption: 'REPLY' }, later(3), 'PRO'))
      .rejects.toThrow(/close/);
    await deleteConversation(db, actor, { profileId, conversationId }, later(4));
    expect((await listConversations(db, actor, { profileId }, later(5))).items).toEqual([]);
    expect(await db.selectFrom('message_attachments as a').innerJoin('messages as m', 'm.id', 'a.message_id').select('a.id')
      .where('m.conversation_id', '=', conversationId).execute()).toEqual([]);
  });

  test('MSG-9: a representative writes to the child’s pharmacy; the message says who wrote it', async () => {
    const { profileId, finess } = await aPatientWhoWroteToAPharmacy();
    const parent = await aHolder(db, now);
    const representative = { ...parent.actor, name: 'Sophie PARENT', representedProfileIds: [profileId] };
    await db.insertInto('representations').values({ account_id: parent.accountId, profile_id: profileId, role: 'PARENT_PRINCIPAL', granted_at: now,
      revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const { conversationId } = await startPharmacyConversation(db, representative, { profileId, finess, subject: 'Pour mon enfant', body: '',
      files: [{ name: 'ordonnance.pdf', bytes: PDF }] }, later(1));
    const m = await db.selectFrom('messages').select('written_by_label').where('conversation_id', '=', conversationId).executeTakeFirstOrThrow();
    expect(m.written_by_label).toBe('rédigé par Sophie PARENT, représentant légal');
  });
});
