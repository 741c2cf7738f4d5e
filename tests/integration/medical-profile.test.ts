import { randomUUID } from 'node:crypto';
import { PDFArray, PDFDocument, PDFRawStream, decodePDFRawStream, type PDFRef } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { setMaskAll } from '@/lib/confidentiality/mask-all';
import { addDocument } from '@/lib/documents/add-document';
import { deleteDocuments } from '@/lib/documents/delete-documents';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { deleteEntry } from '@/lib/medical-profile/delete-entry';
import { editEntry } from '@/lib/medical-profile/edit-entry';
import { generateSynthesis } from '@/lib/medical-profile/generate-synthesis';
import { entriesLinkedToDocument } from '@/lib/medical-profile/linked-entries';
import { readMedicalProfile } from '@/lib/medical-profile/read-profile';
import { currentDirectives, replaceDirectives } from '@/lib/medical-profile/replace-directives';
import { activateChild } from '@/lib/representatives/activate-child';
import { blobStore } from '@/lib/storage/blob-store';
import { aHolder as aHolderOf, aStaffMember, anActivePatient, holderActor } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z');

const aHolder = () => aHolderOf(db, now);

/** A parent known to the fund who activated their child's profile (REP-2): the actor then represents the child. */
async function aParentWithChild() {
  const parent = await anActivePatient(db, now);
  await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
    birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
    parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).execute();
  const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, parentNir: parent.nir, birthDate: '2016-04-10', firstNames: () => 'Lina' });
  const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
    birth_date: '2016-04-10', sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
    notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
  const { code } = await issueCode(db, child.id, now);
  await activateChild(db, holderActor(parent), { profileId: child.id, code, certified: true }, now);
  return { parent, childId: child.id, actor: { ...holderActor(parent), representedProfileIds: [child.id] } };
}

const aPdf = async (text: string) => {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
};

/** WinAnsi bytes 0x80-0x9F that are not Latin-1, as the synthesis uses them. */
const WIN_ANSI: Record<string, string> = { '\u0085': '…', '\u0092': '’', '\u0095': '•', '\u0096': '–', '\u0097': '—', '\u009c': 'œ', '\u008c': 'Œ' };

/** The text drawn on every page of a PDF made with pdf-lib's standard fonts (hex strings shown with Tj). */
async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  const parts: string[] = [];
  for (const page of pdf.getPages()) {
    const contents = page.node.Contents();
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      const stream = pdf.context.lookup(ref as PDFRef);
      if (!(stream instanceof PDFRawStream)) continue;
      const ops = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
      for (const m of ops.matchAll(/<([0-9A-Fa-f]*)> Tj/g)) parts.push(Buffer.from(m[1]!, 'hex').toString('latin1'));
    }
  }
  return parts.join('\n').replace(/[\u0080-\u009f]/g, (c) => WIN_ANSI[c] ?? c);
}

const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_id', 'actor_id', 'actor_type'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();
const entriesOf = (profileId: string) => db.selectFrom('medical_entries').select(['id', 'kind', 'payload', 'source', 'document_id'])
  .where('profile_id', '=', profileId).orderBy('seq').execute();

describe('PRF-1: adding, editing and deleting entries', () => {
  test('PRF-1: an allergy, a treatment and a contact are added, edited and deleted; each change is traced in its transaction', async () => {
    const h = await aHolder();
    const allergy = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'ALLERGY', fields: { name: 'Pénicilline', reaction: 'Urticaire', since: '12/05/2001' } }, now);
    const treatment = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'TREATMENT',
      fields: { name: 'DOLIPRANE 1000 mg, comprimé effervescent sécable', dosage: '1 comprimé si douleur', startDate: '2026-11-20' } }, now);
    const contact = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONTACT',
      fields: { type: 'EMERGENCY_CONTACT', firstName: 'Paul', lastName: 'MARTIN', phone: '06 12 34 56 78' } }, now);
    expect((await entriesOf(h.profileId)).map((e) => [e.kind, e.source])).toEqual([['ALLERGY', 'PATIENT'], ['TREATMENT', 'PATIENT'], ['CONTACT', 'PATIENT']]);
    expect((await entriesOf(h.profileId))[1]!.payload).toEqual({ name: 'DOLIPRANE 1000 mg, comprimé effervescent sécable', dosage: '1 comprimé si douleur',
      startDate: '2026-11-20', endDate: null, cip13: '3400935294227' });

    await editEntry(db, h.actor, { profileId: h.profileId, entryId: allergy.entryId, fields: { name: 'Pénicilline', reaction: 'Œdème de Quincke', since: '' } }, now);
    await deleteEntry(db, h.actor, { profileId: h.profileId, entryId: contact.entryId }, now);

    const read = await readMedicalProfile(db, h.actor, h.profileId, now);
    expect(read.entries.map((e) => e.id)).toEqual([allergy.entryId, treatment.entryId]);
    expect(read.entries[0]!.payload).toEqual({ name: 'Pénicilline', reaction: 'Œdème de Quincke', since: null });
    expect((await tracesOf(h.profileId, 'medical.add')).map((t) => [t.outcome, t.actor_id])).toEqual([['OK', h.accountId], ['OK', h.accountId], ['OK', h.accountId]]);
    expect(await tracesOf(h.profileId, 'medical.edit')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: allergy.entryId })]);
    expect(await tracesOf(h.profileId, 'medical.delete')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: contact.entryId })]);
  });

  test('PRF-1: a date in the future or before birth, or a missing field, is refused with French errors on the fields and nothing is stored', async () => {
    const h = await aHolder();
    const error = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'HOSPITALISATION', fields: { reason: '', startDate: '2026-12-02' } }, now)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ fieldErrors: { reason: 'Indiquez le motif de l’hospitalisation.', startDate: 'La date ne peut pas être dans le futur.' } });
    await expect(addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONDITION', fields: { name: 'Asthme', since: '1900-01-01' } }, now))
      .rejects.toMatchObject({ field: 'since', message: expect.stringMatching(/^La date ne peut pas précéder la date de naissance/) });
    expect(await entriesOf(h.profileId)).toEqual([]);
  });

  test('PRF-5, PRF-3: a second personne de confiance or a second médecin traitant is refused in French; other roles are fine', async () => {
    const h = await aHolder();
    const trusted = { type: 'TRUSTED_CONTACT', firstName: 'Anne', lastName: 'DURAND', phone: '0612345678' };
    await addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONTACT', fields: trusted }, now);
    await expect(addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONTACT', fields: { ...trusted, firstName: 'Luc' } }, now))
      .rejects.toMatchObject({ field: 'type', message: expect.stringContaining('une seule est possible') });
    const doctor = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'PROFESSIONAL', fields: { role: 'MEDECIN_TRAITANT', name: 'Dr Claire Martin' } }, now);
    await addEntry(db, h.actor, { profileId: h.profileId, kind: 'PROFESSIONAL', fields: { role: 'PHARMACIEN_CORRESPONDANT', name: 'Pharmacie du Centre' } }, now);
    await expect(addEntry(db, h.actor, { profileId: h.profileId, kind: 'PROFESSIONAL', fields: { role: 'MEDECIN_TRAITANT', name: 'Dr Paul Durand' } }, now))
      .rejects.toMatchObject({ field: 'role', message: 'Un médecin traitant est déjà indiqué : un seul est possible. Modifiez ou supprimez celui-ci.' });
    // Editing the médecin traitant keeps its role; the pharmacien cannot take it.
    await editEntry(db, h.actor, { profileId: h.profileId, entryId: doctor.entryId, fields: { role: 'MEDECIN_TRAITANT', name: 'Dr Claire Martin-Leroy' } }, now);
    expect((await entriesOf(h.profileId)).filter((e) => e.kind === 'PROFESSIONAL')).toHaveLength(2);
  });

  test('PRF-5: the database holds one personne de confiance even if two writes race past the check', async () => {
    const h = await aHolder();
    const trusted = (firstName: string) => addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONTACT',
      fields: { type: 'TRUSTED_CONTACT', firstName, lastName: 'DURAND', phone: '0612345678' } }, now);
    const results = await Promise.allSettled([trusted('Anne'), trusted('Luc'), trusted('Zoé')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ field: 'type' });
  });
});

describe('PRF-2: vaccinations written by a professional', () => {
  test('PRF-2: a PS-sourced vaccination is listed with its source and is read-only for the patient side (refusals traced)', async () => {
    const h = await aHolder();
    const ps = await db.insertInto('medical_entries').values({
      profile_id: h.profileId, kind: 'VACCINATION', payload: JSON.stringify({ vaccine: 'Vaccin tétanos', date: '2025-10-01', type: 'BOOSTER', batch: 'AB12', cip13: null }),
      unique_key: null, document_id: null, source: 'PS', source_label: 'Dr Claire Martin, médecin', professional_id: null,
      created_by_account: null, created_at: now, updated_at: now,
    }).returning('id').executeTakeFirstOrThrow();
    const read = await readMedicalProfile(db, h.actor, h.profileId, now);
    expect(read.entries).toEqual([expect.objectContaining({ id: ps.id, source: 'PS', sourceLabel: 'Dr Claire Martin, médecin' })]);

    await expect(editEntry(db, h.actor, { profileId: h.profileId, entryId: ps.id, fields: { vaccine: 'Autre', date: '2025-10-01', type: 'BOOSTER' } }, now))
      .rejects.toThrow('enregistrée par un professionnel de santé');
    await expect(deleteEntry(db, h.actor, { profileId: h.profileId, entryId: ps.id }, now)).rejects.toThrow('enregistrée par un professionnel de santé');
    expect(await entriesOf(h.profileId)).toEqual([expect.objectContaining({ id: ps.id, payload: expect.objectContaining({ vaccine: 'Vaccin tétanos' }) })]);
    expect(await tracesOf(h.profileId, 'medical.edit')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'ps-source', target_id: ps.id })]);
    expect(await tracesOf(h.profileId, 'medical.delete')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'ps-source', target_id: ps.id })]);
  });

  test('PRF-2: the database refuses a professional source on anything but a vaccination', async () => {
    const h = await aHolder();
    await expect(db.insertInto('medical_entries').values({ profile_id: h.profileId, kind: 'ALLERGY', payload: JSON.stringify({ name: 'x' }),
      unique_key: null, document_id: null, source: 'PS', source_label: 'Dr', professional_id: null, created_by_account: null, created_at: now, updated_at: now,
    }).execute()).rejects.toThrow(/medical_entries_prf2/);
  });
});

describe('DOC-8: entries linked to a document', () => {
  test('DOC-8: deleting the report linked to a hospitalisation deletes the hospitalisation too, traced; the confirmation can name it first', async () => {
    const h = await aHolder();
    const { documentId } = await addDocument(db, h.actor, { profileId: h.profileId, title: 'CR d’hospitalisation', category: 'CPT_REND',
      documentDate: '2026-10-12', files: [{ name: 'cr.pdf', bytes: await aPdf('hospitalisation') }] }, now);
    const stay = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'HOSPITALISATION',
      fields: { reason: 'Appendicite', facility: 'Hôpital Lariboisière', startDate: '2026-10-10', endDate: '2026-10-12', documentId } }, now);
    const other = await addEntry(db, h.actor, { profileId: h.profileId, kind: 'HOSPITALISATION', fields: { reason: 'Fracture', startDate: '2020-01-03' } }, now);
    expect(await entriesLinkedToDocument(db, documentId)).toEqual([
      { id: stay.entryId, section: 'Hospitalisations', line: 'Appendicite — Du 10/10/2026 au 12/10/2026 — Établissement : Hôpital Lariboisière' },
    ]);

    expect(await deleteDocuments(db, h.actor, [documentId], now)).toEqual({ deleted: 1, linkedEntries: 1 });
    expect((await entriesOf(h.profileId)).map((e) => e.id)).toEqual([other.entryId]);
    expect(await tracesOf(h.profileId, 'medical.delete')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: stay.entryId, actor_id: h.accountId })]);
  });

  test('DOC-8: a hospitalisation cannot be linked to another profile’s document', async () => {
    const h = await aHolder();
    const other = await aHolder();
    const { documentId } = await addDocument(db, other.actor, { profileId: other.profileId, title: 'CR', category: 'CPT_REND', documentDate: null,
      files: [{ name: 'cr.pdf', bytes: await aPdf('autre') }] }, now);
    await expect(addEntry(db, h.actor, { profileId: h.profileId, kind: 'HOSPITALISATION', fields: { reason: 'Appendicite', startDate: '2026-10-10', documentId } }, now))
      .rejects.toMatchObject({ field: 'documentId', message: 'Choisissez un document de ce profil dans la liste.' });
  });
});

describe('PRF-4: directives anticipées', () => {
  test('PRF-4: a new upload replaces the current one only once confirmed; the old one is not kept (one DIR_ANT left, old file erased)', async () => {
    const h = await aHolder();
    const first = await replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'directives.pdf', bytes: await aPdf('v1') }, confirmReplace: false }, now);
    expect(first.replaced).toBe(false);
    const firstRow = await db.selectFrom('documents').select(['blob_key', 'author_type', 'category']).where('id', '=', first.documentId).executeTakeFirstOrThrow();
    expect(firstRow).toMatchObject({ author_type: 'PATIENT', category: 'DIR_ANT' });

    await expect(replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'v2.pdf', bytes: await aPdf('v2') }, confirmReplace: false }, now))
      .rejects.toMatchObject({ field: 'confirmation', message: expect.stringContaining('ne seront pas conservées') });
    const second = await replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'v2.pdf', bytes: await aPdf('v2') }, confirmReplace: true }, now);
    expect(second.replaced).toBe(true);

    const all = await db.selectFrom('documents').select(['id', 'status', 'blob_key', 'wrapped_key']).where('profile_id', '=', h.profileId)
      .where('category', '=', 'DIR_ANT').orderBy('created_at').orderBy('status').execute();
    expect(all.filter((d) => d.status === 'ACTIVE').map((d) => d.id)).toEqual([second.documentId]);
    expect(all.find((d) => d.id === first.documentId)).toMatchObject({ status: 'DELETED', blob_key: null, wrapped_key: null });
    await expect(blobStore().getBuffer({ key: firstRow.blob_key!, wrappedKey: 'x' })).rejects.toThrow();
    expect((await currentDirectives(db, h.profileId))?.id).toBe(second.documentId);
    expect((await tracesOf(h.profileId, 'medical.directives')).map((t) => t.outcome)).toEqual(['OK', 'OK']);
  });

  test('PRF-4: only a PDF is accepted', async () => {
    const h = await aHolder();
    await expect(replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'directives.txt', bytes: Buffer.from('Je refuse…') }, confirmReplace: false }, now))
      .rejects.toMatchObject({ field: 'fichier', message: expect.stringContaining('en PDF') });
    expect(await currentDirectives(db, h.profileId)).toBeUndefined();
  });

  test('VIS-3: under mask-all the directives anticipées arrive masked to professionals', async () => {
    const h = await aHolder();
    await setMaskAll(db, h.actor, { profileId: h.profileId, mask: true }, now);
    const { documentId } = await replaceDirectives(db, h.actor, { profileId: h.profileId, file: { name: 'd.pdf', bytes: await aPdf('v1') }, confirmReplace: false }, now);
    expect(await db.selectFrom('documents').select(['masque_ps', 'mask_origin']).where('id', '=', documentId).executeTakeFirstOrThrow())
      .toEqual({ masque_ps: true, mask_origin: 'BULK' });
  });
});

describe('PRF-6: Synthèse médicale', () => {
  test('PRF-6: the ticked sections become a PDF filed as SYNTH_PML by MES, with those sections and their entries in its text, and no other', async () => {
    const h = await aHolder();
    await addEntry(db, h.actor, { profileId: h.profileId, kind: 'ALLERGY', fields: { name: 'Pénicilline', reaction: 'Urticaire' } }, now);
    await addEntry(db, h.actor, { profileId: h.profileId, kind: 'TREATMENT', fields: { name: 'Levothyrox 75 µg', dosage: '1 comprimé le matin' } }, now);
    await addEntry(db, h.actor, { profileId: h.profileId, kind: 'VACCINATION', fields: { vaccine: 'Vaccin grippe', date: '2025-10-15', type: 'IMMUNIZ' } }, now);

    const { documentId } = await generateSynthesis(db, h.actor, { profileId: h.profileId, sections: ['ALLERGIES', 'TREATMENTS', 'bogus'] }, now);
    const doc = await db.selectFrom('documents').selectAll().where('id', '=', documentId).executeTakeFirstOrThrow();
    expect(doc).toMatchObject({ category: 'SYNTH_PML', author_type: 'PATIENT', mime_type: 'application/pdf', title: 'Synthèse médicale du 01/12/2026', status: 'ACTIVE' });
    const text = await pdfText(await blobStore().getBuffer({ key: doc.blob_key!, wrappedKey: doc.wrapped_key! }));
    expect(text).toContain('Synthèse médicale');
    expect(text).toContain('Rubriques : Allergies, Traitements.');
    expect(text).toContain('• Pénicilline');
    expect(text).toContain('Réaction : Urticaire');
    expect(text).toContain('• Levothyrox 75 µg');
    expect(text).not.toContain('Vaccinations');
    expect(text).not.toContain('grippe');
    expect(text).toContain('Page 1 sur 1');
    expect(await tracesOf(h.profileId, 'medical.synthesis')).toEqual([expect.objectContaining({ outcome: 'OK', target_id: documentId })]);
  });

  test('PRF-6: a long profile runs over several numbered pages', async () => {
    const h = await aHolder();
    for (let i = 0; i < 60; i++) {
      await addEntry(db, h.actor, { profileId: h.profileId, kind: 'CONDITION', fields: { name: `Sujet de santé numéro ${i + 1}`, notes: 'Suivi régulier par le médecin.' } }, now);
    }
    const { documentId } = await generateSynthesis(db, h.actor, { profileId: h.profileId, sections: ['CONDITIONS'] }, now);
    const doc = await db.selectFrom('documents').select(['blob_key', 'wrapped_key']).where('id', '=', documentId).executeTakeFirstOrThrow();
    const bytes = await blobStore().getBuffer({ key: doc.blob_key!, wrappedKey: doc.wrapped_key! });
    const pages = (await PDFDocument.load(bytes)).getPageCount();
    expect(pages).toBeGreaterThan(1);
    const text = await pdfText(bytes);
    expect(text).toContain(`Page ${pages} sur ${pages}`);
    expect(text).toContain('• Sujet de santé numéro 60');
  });

  test('PRF-6: at least one section must be ticked', async () => {
    const h = await aHolder();
    await expect(generateSynthesis(db, h.actor, { profileId: h.profileId, sections: [] }, now)).rejects.toMatchObject({ field: 'rubriques' });
  });
});

describe('Access: the policy decides, refusals are traced', () => {
  test('REP-1: another account is refused on a profile it does not reach, traced DENIED on that profile; nothing stored nor read', async () => {
    const owner = await aHolder();
    const intruder = await aHolder();
    await expect(addEntry(db, intruder.actor, { profileId: owner.profileId, kind: 'ALLERGY', fields: { name: 'Arachide' } }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(readMedicalProfile(db, intruder.actor, owner.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(generateSynthesis(db, intruder.actor, { profileId: owner.profileId, sections: ['ALLERGIES'] }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await entriesOf(owner.profileId)).toEqual([]);
    for (const action of ['medical.add', 'medical.read', 'medical.synthesis']) {
      expect(await tracesOf(owner.profileId, action)).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'not-holder', actor_id: intruder.accountId })]);
    }
  });

  test('REP-1: an entry of another profile cannot be edited or deleted through one’s own profile', async () => {
    const owner = await aHolder();
    const intruder = await aHolder();
    const { entryId } = await addEntry(db, owner.actor, { profileId: owner.profileId, kind: 'ALLERGY', fields: { name: 'Arachide' } }, now);
    await expect(deleteEntry(db, intruder.actor, { profileId: intruder.profileId, entryId }, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(editEntry(db, intruder.actor, { profileId: intruder.profileId, entryId, fields: { name: 'x' } }, now)).rejects.toBeInstanceOf(NotFoundError);
    expect(await entriesOf(owner.profileId)).toHaveLength(1);
    expect(await tracesOf(intruder.profileId, 'medical.delete')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'not-found' })]);
  });

  test('REP-5: a representative fills in the child’s profil médical; the child’s birth date bounds the dates', async () => {
    const { childId, actor, parent } = await aParentWithChild();
    const { entryId } = await addEntry(db, actor, { profileId: childId, kind: 'VACCINATION', fields: { vaccine: 'ROR', date: '2017-05-10', type: 'INITIMMUNIZ' } }, now);
    await expect(addEntry(db, actor, { profileId: childId, kind: 'VACCINATION', fields: { vaccine: 'ROR', date: '2016-04-01', type: 'BOOSTER' } }, now))
      .rejects.toMatchObject({ field: 'date', message: 'La date ne peut pas précéder la date de naissance (10/04/2016).' });
    const read = await readMedicalProfile(db, actor, childId, now);
    expect(read.profile).toMatchObject({ id: childId, firstName: 'Lina', own: false });
    expect(read.entries.map((e) => e.id)).toEqual([entryId]);
    expect(await entriesOf(parent.profileId)).toEqual([]);
  });

  test('FS-4, BO: a France Services advisor and a CNAM agent are refused, reading or writing, and traced', async () => {
    const h = await aHolder();
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère' };
    const agent: Actor = await aStaffMember(db);
    await expect(addEntry(db, advisor, { profileId: h.profileId, kind: 'ALLERGY', fields: { name: 'Arachide' } }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(readMedicalProfile(db, advisor, h.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(readMedicalProfile(db, agent, h.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await tracesOf(h.profileId, 'medical.add')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'advisor-no-medical', actor_type: 'SUPPORT' })]);
    expect((await tracesOf(h.profileId, 'medical.read')).map((t) => t.reason)).toEqual(['advisor-no-medical', 'staff-no-medical']);
    expect(await entriesOf(h.profileId)).toEqual([]);
  });
});
