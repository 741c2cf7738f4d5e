import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { ValidationError } from '@/lib/errors';
import { startPharmacyConversation } from '@/lib/messaging/start-pharmacy-conversation';
import { visitedPharmacies } from '@/lib/messaging/visited-pharmacies';
import { aHolder } from '../factories';

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
