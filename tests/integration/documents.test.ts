import { createHash, randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { addDocument } from '@/lib/documents/add-document';
import { editDocument, organizeDocument, setDocumentMask } from '@/lib/documents/change-document';
import { deleteDocuments } from '@/lib/documents/delete-documents';
import { DocumentDeletedError } from '@/lib/documents/document-gate';
import { eraseDeletedFiles } from '@/lib/documents/erase-deleted-files';
import { createFolder } from '@/lib/documents/folders';
import { DOCUMENTS_PAGE, listDocuments } from '@/lib/documents/list-documents';
import { openDocumentFile } from '@/lib/documents/open-document';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';
import { anActivePatient } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-11-28T10:00:00Z');

const holderOf = (p: { accountId: string; profileId: string }): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });
const pdf = async (text = 'compte rendu') => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
};
/** A 1×1 PNG and JPEG, real images as a phone would send. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=', 'base64');

async function aDocument(actor: PatientActor, over: Partial<Parameters<typeof addDocument>[2]> = {}) {
  return addDocument(db, actor, { profileId: actor.ownProfileId!, title: 'Compte rendu de consultation', category: 'CPT_REND',
    documentDate: '2026-11-02', files: [{ name: 'cr.pdf', bytes: await pdf() }], ...over }, now);
}

/** A document deposited by a professional (the professional side comes with its own issue). */
async function aProfessionalDocument(profileId: string, over: Record<string, unknown> = {}) {
  const stored = await blobStore().put(await pdf('biologie'));
  const row = await db.insertInto('documents').values({
    profile_id: profileId, unique_id: `urn:uuid:${randomUUID()}`, title: 'Résultats de biologie', category: 'BIOLOGIE', type_code: '11502-2',
    document_date: null, mime_type: 'application/pdf', size_bytes: stored.size, sha256: stored.sha256, sha1: stored.sha1,
    blob_key: stored.key, wrapped_key: stored.wrappedKey, author_type: 'HEALTHCARE_PROFESSIONAL', author_id: '10000000001',
    author_label: 'Dr Claire Martin', author_professional_id: null, replaces_id: null, mask_origin: null, folder_id: null,
    created_at: now, updated_at: now, ...over,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_id', 'actor_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
const documentCount = async (profileId: string) => Number((await db.selectFrom('documents').select(db.fn.countAll().as('n'))
  .where('profile_id', '=', profileId).executeTakeFirstOrThrow()).n);

describe('DOC: the patient side adds, reads, organises and deletes documents', () => {
  test('DOC-2, DOC-13: a PDF is stored encrypted with its size and SHA-256, listed, and read back identical; traced', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const bytes = await pdf('ordonnance');
    const { documentId } = await aDocument(actor, { files: [{ name: 'ordonnance.PDF', bytes }] });
    const row = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ author_type: 'PATIENT', mime_type: 'application/pdf', size_bytes: bytes.length, status: 'ACTIVE',
      sha256: createHash('sha256').update(bytes).digest('hex') });
    const file = await openDocumentFile(db, actor, documentId, now);
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    const { documents } = await listDocuments(db, actor, patient.profileId, {}, now);
    expect(documents.map((d) => d.title)).toEqual(['Compte rendu de consultation']);
    expect((await tracesOf(patient.profileId, 'document.add')).map((t) => t.target_id)).toEqual([documentId]);
    expect((await tracesOf(patient.profileId, 'document.read')).map((t) => t.outcome)).toEqual(['OK']);
  });

  test.each([
    ['a PNG renamed .pdf', 'scan.pdf', () => Promise.resolve(PNG), /ne correspond pas à un fichier PDF/],
    ['an executable renamed .txt', 'notes.txt', () => Promise.resolve(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])), /ne correspond pas à un fichier texte/],
    ['a Word file', 'lettre.docx', pdf, /format du fichier « lettre.docx » n’est pas accepté/],
    ['an empty file', 'vide.pdf', () => Promise.resolve(Buffer.alloc(0)), /est vide/],
    ['5 242 881 bytes', 'gros.pdf', async () => Buffer.concat([await pdf(), Buffer.alloc(5_242_881 - (await pdf()).length, 0x20)]), /dépasse la taille maximale de 5 Mo/],
  ])('DOC-2: %s is refused with a French message and nothing is stored', async (_case, name, bytes, message) => {
    const patient = await anActivePatient(db);
    const error = await aDocument(holderOf(patient), { files: [{ name, bytes: await bytes() }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(message);
    expect((error as ValidationError).field).toBe('fichier');
    expect(await documentCount(patient.profileId)).toBe(0);
  });

  test('DOC-2: exactly 5 242 880 bytes is accepted', async () => {
    const patient = await anActivePatient(db);
    const base = await pdf();
    const { documentId } = await aDocument(holderOf(patient), { files: [{ name: 'limite.pdf', bytes: Buffer.concat([base, Buffer.alloc(5_242_880 - base.length, 0x20)]) }] });
    expect((await db.selectFrom('documents').select('size_bytes').where('id', '=', documentId).executeTakeFirstOrThrow()).size_bytes).toBe(5_242_880);
  });

  test('DOC-2: a date in the future or an empty title is refused on its field', async () => {
    const patient = await anActivePatient(db);
    await expect(aDocument(holderOf(patient), { documentDate: '2026-11-29' })).rejects.toMatchObject({ field: 'date', message: 'La date du document ne peut pas être dans le futur.' });
    await expect(aDocument(holderOf(patient), { title: '   ' })).rejects.toMatchObject({ field: 'titre' });
    expect(await documentCount(patient.profileId)).toBe(0);
  });

  test('DOC-2: three photos become one PDF of three pages', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const { documentId } = await aDocument(actor, { title: 'Ordonnance en photos', files: [
      { name: 'p1.jpg', bytes: JPEG }, { name: 'p2.png', bytes: PNG }, { name: 'p3.jpeg', bytes: JPEG }] });
    const file = await openDocumentFile(db, actor, documentId, now);
    expect(file.mime).toBe('application/pdf');
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect((await PDFDocument.load(Buffer.concat(chunks))).getPageCount()).toBe(3);
  });

  test('DOC-2: a photo cannot be merged with a PDF', async () => {
    const patient = await anActivePatient(db);
    await expect(aDocument(holderOf(patient), { files: [{ name: 'a.jpg', bytes: JPEG }, { name: 'b.pdf', bytes: await pdf() }] }))
      .rejects.toThrow(/Seules des photos/);
  });

  test('IDOR: another account asking for a document by its id gets 404, and the attempt is traced on that profile', async () => {
    const [owner, intruder] = [await anActivePatient(db), await anActivePatient(db)];
    const { documentId } = await aDocument(holderOf(owner));
    await expect(openDocumentFile(db, holderOf(intruder), documentId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteDocuments(db, holderOf(intruder), [documentId], now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await tracesOf(owner.profileId, 'document.delete')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'not-holder' })]);
    const refused = await tracesOf(owner.profileId, 'document.read');
    expect(refused).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'not-holder', target_id: documentId, actor_id: intruder.accountId })]);
    await expect(openDocumentFile(db, holderOf(intruder), randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('DOC-5: a professional’s document cannot be renamed or deleted by the patient; it stays', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const id = await aProfessionalDocument(patient.profileId);
    await expect(editDocument(db, actor, { documentId: id, title: 'Autre', category: 'AUTR_DOC' }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(deleteDocuments(db, actor, [id], now)).rejects.toThrow(/ne peut pas être modifié ou supprimé/);
    expect((await db.selectFrom('documents').select(['title', 'status']).where('id', '=', id).executeTakeFirstOrThrow())).toEqual({ title: 'Résultats de biologie', status: 'ACTIVE' });
    // DOC-5: it may still be pinned and filed.
    const { folderId } = await createFolder(db, actor, { profileId: patient.profileId, name: 'Analyses' }, now);
    await organizeDocument(db, actor, { documentId: id, pinned: true, folderId }, now);
    expect(await db.selectFrom('documents').select(['pinned', 'folder_id']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ pinned: true, folder_id: folderId });
  });

  test('DOC-5, DOC-7: the patient renames their document, deletes two at once, never eleven; deletion is logical and all-or-nothing', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await aDocument(actor, { title: `Document ${i}` })).documentId);
    await editDocument(db, actor, { documentId: ids[0]!, title: 'Radio du genou', category: 'RADIO_SC' }, now);
    await expect(deleteDocuments(db, actor, Array.from({ length: 11 }, () => randomUUID()), now)).rejects.toThrow('10 documents au plus');
    const pro = await aProfessionalDocument(patient.profileId);
    await expect(deleteDocuments(db, actor, [ids[1]!, pro], now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.selectFrom('documents').select('status').where('id', '=', ids[1]!).executeTakeFirstOrThrow()).toEqual({ status: 'ACTIVE' });
    await deleteDocuments(db, actor, [ids[1]!, ids[2]!], now);
    const { documents } = await listDocuments(db, actor, patient.profileId, { sort: 'title' }, now);
    expect(documents.map((d) => d.title)).toEqual(['Radio du genou', 'Résultats de biologie']);
    expect(await db.selectFrom('documents').select('status').where('id', 'in', [ids[1]!, ids[2]!]).execute()).toEqual([{ status: 'DELETED' }, { status: 'DELETED' }]);
    await expect(openDocumentFile(db, actor, ids[1]!, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('DOC-9: a document its professional withdrew tells the patient so', async () => {
    const patient = await anActivePatient(db);
    const id = await aProfessionalDocument(patient.profileId, { status: 'DELETED', deleted_at: now });
    await expect(openDocumentFile(db, holderOf(patient), id, now)).rejects.toThrow(DocumentDeletedError);
    await expect(openDocumentFile(db, holderOf(patient), id, now)).rejects.toThrow('Ce document a été supprimé par le professionnel de santé qui l’a déposé.');
  });

  test('DOC-10: the file of a deleted document is erased 30 days later, once; the row and its traces stay', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const { documentId } = await aDocument(actor);
    await deleteDocuments(db, actor, [documentId], now);
    const before = await db.selectFrom('documents').select(['blob_key', 'wrapped_key']).where('id', '=', documentId).executeTakeFirstOrThrow();
    const day29 = new Date(now.getTime() + 29 * 86_400_000);
    const day30 = new Date(now.getTime() + 30 * 86_400_000);
    await eraseDeletedFiles(db, day29);
    expect((await blobStore().getBuffer({ key: before.blob_key!, wrappedKey: before.wrapped_key! })).length).toBeGreaterThan(0);
    await eraseDeletedFiles(db, day30);
    await expect(blobStore().getBuffer({ key: before.blob_key!, wrappedKey: before.wrapped_key! })).rejects.toThrow();
    const after = await db.selectFrom('documents').select(['blob_key', 'erased_at', 'title']).where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(after).toEqual({ blob_key: null, erased_at: day30, title: 'Compte rendu de consultation' });
    expect(await tracesOf(patient.profileId, 'document.erase')).toHaveLength(1);
    await eraseDeletedFiles(db, day30);
    expect(await tracesOf(patient.profileId, 'document.erase')).toHaveLength(1);
  });

  test('DOC-1, DOC-5: filters by category, folder and title; pinned first; every document once across keyset pages', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    for (let i = 0; i < 55; i++) {
      await db.insertInto('documents').values({ profile_id: patient.profileId, unique_id: `urn:uuid:${randomUUID()}`, title: `Analyse ${String(i).padStart(2, '0')}`,
        category: i % 2 ? 'BIOLOGIE' : 'ORD_SOIN', type_code: null, document_date: null, mime_type: 'application/pdf', size_bytes: 1, sha256: 'x', sha1: 'x',
        blob_key: null, wrapped_key: null, author_type: 'PATIENT', author_id: patient.accountId, author_label: 'Camille', author_professional_id: null,
        replaces_id: null, mask_origin: null, folder_id: null, pinned: i === 7, created_at: new Date(now.getTime() - i * 60_000), updated_at: now }).execute();
    }
    const first = await listDocuments(db, actor, patient.profileId, {}, now);
    expect(first.documents[0]!.title).toBe('Analyse 07');
    expect(first.documents[1]!.title).toBe('Analyse 00');
    expect(first.documents).toHaveLength(DOCUMENTS_PAGE);
    const all = first.documents.map((d) => d.title);
    for (let after = first.next; after;) {
      const page = await listDocuments(db, actor, patient.profileId, { after }, now);
      all.push(...page.documents.map((d) => d.title));
      after = page.next;
    }
    expect(all).toHaveLength(55);
    expect(new Set(all).size).toBe(55);
    // By title, page after page: pinned first, then A to Z, each document once.
    const byTitle: string[] = [];
    for (let after: string | undefined, first = true; first || after; first = false) {
      const page = await listDocuments(db, actor, patient.profileId, { sort: 'title', after }, now);
      byTitle.push(...page.documents.map((d) => d.title));
      after = page.next;
    }
    expect(byTitle).toEqual(['Analyse 07', ...Array.from({ length: 55 }, (_, i) => `Analyse ${String(i).padStart(2, '0')}`).filter((t) => t !== 'Analyse 07')]);
    const biology = await listDocuments(db, actor, patient.profileId, { category: 'BIOLOGIE', q: 'analyse 1', sort: 'title' }, now);
    expect(biology.documents.map((d) => d.title)).toEqual(['Analyse 11', 'Analyse 13', 'Analyse 15', 'Analyse 17', 'Analyse 19']);
  });
});

describe('VIS: confidentiality from the patient side', () => {
  test('VIS-2, VIS-4: the holder masks one document (INDIVIDUAL) and unmasks it; both traced', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const id = await aProfessionalDocument(patient.profileId);
    await setDocumentMask(db, actor, { documentId: id, masked: true }, now);
    expect(await db.selectFrom('documents').select(['masque_ps', 'mask_origin']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ masque_ps: true, mask_origin: 'INDIVIDUAL' });
    await setDocumentMask(db, actor, { documentId: id, masked: false }, now);
    expect(await db.selectFrom('documents').select(['masque_ps', 'mask_origin']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ masque_ps: false, mask_origin: null });
    expect((await tracesOf(patient.profileId, 'document.mask')).map((t) => t.outcome)).toEqual(['OK']);
    expect((await tracesOf(patient.profileId, 'document.unmask')).map((t) => t.outcome)).toEqual(['OK']);
  });

  test('VIS-2, AID-4: an aidant cannot change confidentiality; the refusal is traced', async () => {
    const patient = await anActivePatient(db);
    const helper = await anActivePatient(db);
    const aidant: Actor = { ...holderOf(helper), aidedProfileIds: [patient.profileId] };
    const id = await aProfessionalDocument(patient.profileId);
    await expect(setDocumentMask(db, aidant, { documentId: id, masked: true }, now)).rejects.toThrow('un aidant ne peut pas modifier la confidentialité');
    expect(await tracesOf(patient.profileId, 'document.mask')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'aidant-no-confidentiality' })]);
  });

  test('VIS-3: under mask-all, a document the patient adds arrives masked (BULK)', async () => {
    const patient = await anActivePatient(db);
    await db.insertInto('privacy_settings').values({ profile_id: patient.profileId, mask_all: true, updated_at: now }).execute();
    const { documentId } = await aDocument(holderOf(patient));
    expect(await db.selectFrom('documents').select(['masque_ps', 'mask_origin']).where('id', '=', documentId).executeTakeFirstOrThrow()).toEqual({ masque_ps: true, mask_origin: 'BULK' });
  });

  test('VIS-9, VIS-14: hidden documents never reach the holder’s or a representative’s list, and opening them answers 404', async () => {
    const patient = await anActivePatient(db);
    const parentAccount = await anActivePatient(db);
    const holder = holderOf(patient);
    const representative: PatientActor = { ...holderOf(parentAccount), representedProfileIds: [patient.profileId] };
    const forPs = await aProfessionalDocument(patient.profileId, { title: 'Annonce à faire', invisible_patient: true });
    const confidential = await aProfessionalDocument(patient.profileId, { title: 'Consultation confidentielle', invisible_representants_legaux: true });
    await aProfessionalDocument(patient.profileId, { title: 'Vaccins' });
    const titles = async (actor: PatientActor) => (await listDocuments(db, actor, patient.profileId, { sort: 'title' }, now)).documents.map((d) => d.title);
    expect(await titles(holder)).toEqual(['Consultation confidentielle', 'Vaccins']);
    expect(await titles(representative)).toEqual(['Vaccins']);
    await expect(openDocumentFile(db, holder, forPs, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openDocumentFile(db, representative, confidential, now)).rejects.toBeInstanceOf(NotFoundError);
  });

  test('FS-4, BO: an advisor or a CNAM agent never lists nor opens a document', async () => {
    const patient = await anActivePatient(db);
    const id = await aProfessionalDocument(patient.profileId);
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    const agent: Actor = { kind: 'STAFF', staffId: randomUUID(), role: 'AGENT', name: 'Agent' };
    for (const actor of [advisor, agent]) {
      await expect(listDocuments(db, actor, patient.profileId, {}, now)).rejects.toBeInstanceOf(AccessDeniedError);
      await expect(openDocumentFile(db, actor, id, now)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await tracesOf(patient.profileId, 'document.read')).map((t) => t.reason)).toEqual(['advisor-no-medical', 'staff-no-medical']);
  });
});

describe('CLO-4, CLO-5: a purge takes the documents with it', () => {
  test('CLO-5, DOC-13: purging a profile deletes its documents, folders and settings, and its files can no longer be read', async () => {
    const { runClosureJobs } = await import('@/lib/closure/purge');
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const { documentId } = await aDocument(actor);
    await createFolder(db, actor, { profileId: patient.profileId, name: 'Divers' }, now);
    await db.insertInto('privacy_settings').values({ profile_id: patient.profileId, mask_all: true, updated_at: now }).execute();
    const ref = await db.selectFrom('documents').select(['blob_key', 'wrapped_key']).where('id', '=', documentId).executeTakeFirstOrThrow();
    await db.updateTable('profiles').set({ state: 'DELETION_REQUESTED', deletion_requested_at: now, purge_due_on: '2026-11-27' })
      .where('id', '=', patient.profileId).execute();
    await runClosureJobs(db, now);
    expect(await documentCount(patient.profileId)).toBe(0);
    expect(await db.selectFrom('document_folders').select('id').where('profile_id', '=', patient.profileId).execute()).toEqual([]);
    expect(await db.selectFrom('privacy_settings').select('profile_id').where('profile_id', '=', patient.profileId).execute()).toEqual([]);
    await expect(blobStore().getBuffer({ key: ref.blob_key!, wrappedKey: ref.wrapped_key! })).rejects.toThrow();
  });
});
