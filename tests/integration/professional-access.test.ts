import { randomInt, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { AccessDeniedError, NotFoundError, ValidationError } from '@/lib/errors';
import { attestCareTeam, declareConsent } from '@/lib/professional-access/authorise-patient';
import { checkAccess, InsMismatchError, InsUnknownError } from '@/lib/professional-access/check-access';
import {
  deleteProfessionalDocument, depositDocument, FlagsConflictError, replaceDocument, setPatientVisibility, UniqueIdTakenError,
} from '@/lib/professional-access/deposit-document';
import { listPatientDocuments, openPatientDocumentFile, viewPatientDocument } from '@/lib/professional-access/patient-documents';
import { myPatients } from '@/lib/professional-access/my-patients';
import { myActivity } from '@/lib/professional-access/my-activity';
import { readPatientHistory } from '@/lib/professional-access/patient-history';
import { listDocuments } from '@/lib/documents/list-documents';
import { aHolder, aProfessional as aProfessionalFactory, insOf } from '../factories';

const db = getDb();
const now = new Date('2026-11-29T10:00:00Z');
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const aProfessional = (profession: string, extra: { specialty?: string; finess?: string } = {}) =>
  aProfessionalFactory(db, { profession, ...extra, facilityName: 'CH de test' });

/** An active patient whose INS has its five traits (ID-6). */
async function aPatient() {
  const h = await aHolder(db, now);
  return { ...h, ins: await insOf(db, h.profileId) };
}

const deposit = (profileId: string, typeCode: string, extra: Partial<Parameters<typeof depositDocument>[2]> = {}) =>
  ({ profileId, title: `Document ${typeCode}`, typeCode, documentDate: '2026-11-28', file: { name: 'cr.pdf', bytes: PDF }, ...extra });

const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_type', 'mode'])
  .where('profile_id', '=', profileId).orderBy('id').execute();

describe('PRO-3, ID-6..8: the access check by INS', () => {
  test('answers state and authorisation without medical data; a differing trait is refused and traced', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    const result = await checkAccess(db, gp, p.ins, now, 'PRO');
    expect(result).toMatchObject({ profileId: p.profileId, state: 'ACTIVE', available: true, authorisation: 'NONE', medecinTraitant: false });
    // ID-8: case and spaces do not matter, a trait does.
    await expect(checkAccess(db, gp, { ...p.ins, birthName: ` ${p.ins.birthName.toLowerCase()} ` }, now, 'PRO')).resolves.toMatchObject({ profileId: p.profileId });
    await expect(checkAccess(db, gp, { ...p.ins, birthPlace: '69123' }, now, 'PRO')).rejects.toBeInstanceOf(InsMismatchError);
    await expect(checkAccess(db, gp, { ...p.ins, birthDate: '1901-01-01' }, now, 'PRO')).rejects.toThrow(/date de naissance/);
    const t = await traces(p.profileId);
    expect(t.filter((e) => e.action === 'patient.check' && e.outcome === 'DENIED').map((e) => e.reason)).toEqual(['ins-mismatch', 'ins-mismatch']);
    await expect(checkAccess(db, gp, { ...p.ins, matricule: '185057505601797' }, now, 'PRO')).rejects.toBeInstanceOf(InsUnknownError);
  });
});

describe('PRO-4, PRO-5, PRO-13: authorisation', () => {
  test('consent needs the explicit checkbox; then the record opens and the patient sees the PS in « Mes patients »', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    await expect(listPatientDocuments(db, gp, p.profileId, {}, now, 'PRO')).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(declareConsent(db, gp, { ins: p.ins, patientAgreed: false }, now, 'PRO')).rejects.toBeInstanceOf(ValidationError);
    expect(await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, now, 'PRO')).toEqual({ profileId: p.profileId, renewed: false });
    expect(await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, later(60 * 24), 'PRO')).toEqual({ profileId: p.profileId, renewed: true });
    await expect(listPatientDocuments(db, gp, p.profileId, {}, now, 'PRO')).resolves.toMatchObject({ total: 0 });
    const mine = await myPatients(db, gp, {}, now);
    expect(mine.patients.map((x) => x.profileId)).toContain(p.profileId);
    const t = await traces(p.profileId);
    expect(t.filter((e) => e.action === 'patient.consent').map((e) => e.outcome)).toEqual(['OK', 'OK']); // re-attested (PRO-5)
  });

  test('care team: named in « Mes professionnels de santé », or a facility user; never a médecin du travail', async () => {
    const p = await aPatient();
    const nurse = await aProfessional('60');
    await expect(attestCareTeam(db, nurse, { ins: p.ins, ground: 'NAMED', patientInformed: true }, now, 'PRO')).rejects.toThrow(/Mes professionnels de santé/);
    await db.insertInto('medical_entries').values({ profile_id: p.profileId, kind: 'PROFESSIONAL', payload: JSON.stringify({ role: 'AUTRE', name: `Dr ${nurse.name}` }),
      unique_key: null, document_id: null, source_label: null, professional_id: null, created_by_account: null, created_at: now, updated_at: now }).execute();
    await expect(attestCareTeam(db, nurse, { ins: p.ins, ground: 'NAMED', patientInformed: false }, now, 'PRO')).rejects.toBeInstanceOf(ValidationError);
    await expect(attestCareTeam(db, nurse, { ins: p.ins, ground: 'NAMED', patientInformed: true }, now, 'PRO')).resolves.toEqual({ profileId: p.profileId });
    const hospital = await aProfessional('10', { finess: `75${randomInt(1e7)}` });
    await attestCareTeam(db, hospital, { ins: p.ins, ground: 'FACILITY', patientInformed: true }, now, 'PRO');
    const occupational = await aProfessional('10', { specialty: 'SM23' });
    await expect(attestCareTeam(db, occupational, { ins: p.ins, ground: 'FACILITY', patientInformed: true }, now, 'PRO')).rejects.toThrow(/PRO-13/);
    const t = await traces(p.profileId);
    expect(t.filter((e) => e.action === 'patient.care-team').map((e) => `${e.actor_type}:${e.outcome}`))
      .toEqual(['HEALTHCARE_PROFESSIONAL:DENIED', 'HEALTHCARE_PROFESSIONAL:OK', 'HEALTHCARE_FACILITY:OK']);
  });

  test('PRO-6: a blocked professional is refused everywhere, even with consent, and the attempt is traced', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const { documentId } = await depositDocument(db, gp, deposit(p.profileId, '11488-4'), now, 'PRO');
    await blockProfessional(db, p.actor, { profileId: p.profileId, professionalId: gp.professionalId }, later(1));
    await expect(listPatientDocuments(db, gp, p.profileId, {}, later(2), 'PRO')).rejects.toThrow(/bloqué/);
    await expect(viewPatientDocument(db, gp, documentId, later(2), 'PRO')).rejects.toBeInstanceOf(NotFoundError); // even its own document
    await expect(depositDocument(db, gp, deposit(p.profileId, '11488-4'), later(2), 'PRO')).rejects.toThrow(/bloqué/);
    await expect(checkAccess(db, gp, p.ins, later(3), 'PRO')).resolves.toMatchObject({ authorisation: 'BLOCKED' });
    const denied = (await traces(p.profileId)).filter((e) => e.outcome === 'DENIED');
    expect(denied.map((e) => e.reason)).toEqual(['pro-blocked', 'pro-blocked', 'pro-blocked']);
  });
});

describe('VIS-6..13, PRO-9: what a professional reads', () => {
  test('a pharmacist with consent lists the allowed documents only; a masked one and a CR are absent, and 404 when opened', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    const pharmacist = await aProfessional('21');
    await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    await declareConsent(db, pharmacist, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const prescription = await depositDocument(db, gp, deposit(p.profileId, '57833-6'), now, 'PRO');
    const masked = await depositDocument(db, gp, deposit(p.profileId, '57832-8', { masquePs: true }), now, 'PRO');
    const report = await depositDocument(db, gp, deposit(p.profileId, '11488-4'), now, 'PRO');
    const seen = await listPatientDocuments(db, pharmacist, p.profileId, {}, later(1), 'PRO');
    expect(seen.documents.map((d) => d.id)).toEqual([prescription.documentId]);
    expect(seen.total).toBe(1); // VIS-6, PRO-9: absent from lists and counts
    await expect(viewPatientDocument(db, pharmacist, masked.documentId, later(1), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    await expect(openPatientDocumentFile(db, pharmacist, report.documentId, later(1), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    // VIS-8: the author sees all of its documents, the masked one labelled (VIS-13).
    const own = await listPatientDocuments(db, gp, p.profileId, {}, later(1), 'PRO');
    expect(own.documents.find((d) => d.id === masked.documentId)?.labels).toEqual(['masqué aux professionnels de santé']);
    const refused = (await traces(p.profileId)).filter((e) => e.outcome === 'DENIED').map((e) => e.reason);
    expect(refused).toEqual(['pro-masked', 'pro-matrix']);
  });

  test('PRO-9: a podiatrist is denied the CR d’accouchement but reads a CR de consultation', async () => {
    const p = await aPatient();
    const midwife = await aProfessional('50');
    const podiatrist = await aProfessional('80');
    for (const pro of [midwife, podiatrist]) await declareConsent(db, pro, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const delivery = await depositDocument(db, midwife, deposit(p.profileId, '15508-5'), now, 'PRO');
    const consultation = await depositDocument(db, midwife, deposit(p.profileId, '11488-4'), now, 'PRO');
    const seen = await listPatientDocuments(db, podiatrist, p.profileId, {}, later(1), 'PRO');
    expect(seen.documents.map((d) => d.id)).toEqual([consultation.documentId]);
    await expect(viewPatientDocument(db, podiatrist, delivery.documentId, later(1), 'PRO')).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('DOC-9..14, VIS-9..11, NOT-1..3: feeding the record', () => {
  test('a deposit maps its type to a category, reaches the patient and notifies them once; a resubmission creates nothing', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const uniqueId = `urn:oid:1.2.250.1.${randomInt(1e9)}`;
    const first = await depositDocument(db, gp, deposit(p.profileId, '11502-2', { uniqueId }), now, 'PRO');
    expect(first.created).toBe(true);
    expect(await depositDocument(db, gp, deposit(p.profileId, '11502-2', { uniqueId }), later(1), 'PRO')).toEqual({ documentId: first.documentId, created: false });
    await expect(depositDocument(db, gp, deposit(p.profileId, '11502-2', { uniqueId, file: { name: 'x.pdf', bytes: Buffer.concat([PDF, Buffer.from('x')]) } }), later(1), 'PRO'))
      .rejects.toBeInstanceOf(UniqueIdTakenError);
    const patientSide = await listDocuments(db, p.actor, p.profileId, {}, later(2));
    expect(patientSide.documents.map((d) => [d.id, d.category, d.author_type])).toEqual([[first.documentId, 'BIOLOGIE', 'HEALTHCARE_PROFESSIONAL']]);
    const notes = await db.selectFrom('notifications').select('kind').where('profile_id', '=', p.profileId).execute();
    expect(notes.map((n) => n.kind)).toEqual(['NOTIF_DOCUMENT']);
    // NOT-2, NOT-3: reading twice within the hour sends one PS-access notice; an hour later, another.
    await listPatientDocuments(db, gp, p.profileId, {}, later(5), 'PRO');
    await viewPatientDocument(db, gp, first.documentId, later(30), 'PRO');
    await listPatientDocuments(db, gp, p.profileId, {}, later(70), 'PRO');
    const access = await db.selectFrom('notifications').select('kind').where('profile_id', '=', p.profileId).where('kind', '=', 'PS_ACCESS').execute();
    expect(access).toHaveLength(2);
  });

  test('a CDA R2 document (with its XML declaration) is accepted; another XML or a picture is refused', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    await declareConsent(db, gp, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const cda = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<ClinicalDocument xmlns="urn:hl7-org:v3"><title>CR</title></ClinicalDocument>');
    const { documentId } = await depositDocument(db, gp, deposit(p.profileId, '11488-4', { file: { name: 'cr.xml', bytes: cda } }), now, 'PRO');
    expect((await db.selectFrom('documents').select('mime_type').where('id', '=', documentId).executeTakeFirstOrThrow()).mime_type).toBe('text/xml');
    const other = Buffer.from('<?xml version="1.0"?><note>bonjour</note>');
    await expect(depositDocument(db, gp, deposit(p.profileId, '11488-4', { file: { name: 'x.xml', bytes: other } }), now, 'PRO')).rejects.toThrow(/ni un PDF ni un document CDA/);
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa7b3c3560000000049454e44ae426082', 'hex');
    await expect(depositDocument(db, gp, deposit(p.profileId, '11488-4', { file: { name: 'x.png', bytes: png } }), now, 'PRO')).rejects.toThrow(/ni un PDF/);
  });

  test('VIS-10: masked and invisible at once is refused; VIS-9/11: invisible until a doctor lifts it, then notified; only doctors or midwives lift', async () => {
    const p = await aPatient();
    const oncologist = await aProfessional('10');
    const nurse = await aProfessional('60');
    const gp = await aProfessional('10');
    for (const pro of [oncologist, nurse, gp]) await declareConsent(db, pro, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    await expect(depositDocument(db, oncologist, deposit(p.profileId, '11526-1', { masquePs: true, invisiblePatient: true }), now, 'PRO'))
      .rejects.toBeInstanceOf(FlagsConflictError);
    const { documentId } = await depositDocument(db, oncologist, deposit(p.profileId, '11526-1', { invisiblePatient: true }), now, 'PRO');
    expect((await listDocuments(db, p.actor, p.profileId, {}, later(1))).documents).toHaveLength(0);
    expect(await db.selectFrom('notifications').select('kind').where('profile_id', '=', p.profileId).where('kind', '=', 'NOTIF_DOCUMENT').execute()).toHaveLength(0);
    const view = await viewPatientDocument(db, gp, documentId, later(1), 'PRO');
    expect(view.warnings).toEqual(['Attention, ce document n’est pas visible du patient.']); // VIS-12
    await expect(setPatientVisibility(db, nurse, documentId, true, later(2), 'PRO')).rejects.toThrow(/médecin ou une sage-femme/);
    await setPatientVisibility(db, gp, documentId, true, later(3), 'PRO');
    expect((await listDocuments(db, p.actor, p.profileId, {}, later(4))).documents.map((d) => d.id)).toEqual([documentId]);
    expect(await db.selectFrom('notifications').select('kind').where('profile_id', '=', p.profileId).where('kind', '=', 'NOTIF_DOCUMENT').execute()).toHaveLength(1);
    await expect(setPatientVisibility(db, gp, documentId, false, later(5), 'PRO')).rejects.toThrow(/seul le professionnel qui a déposé/);
  });

  test('DOC-11: the author replaces, the old version is obsolete and labelled; DOC-9: only the author deletes, logically', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    const other = await aProfessional('10');
    for (const pro of [gp, other]) await declareConsent(db, pro, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const v1 = await depositDocument(db, gp, deposit(p.profileId, '11488-4', { masquePs: true }), now, 'PRO');
    await expect(replaceDocument(db, other, v1.documentId, deposit(p.profileId, '11488-4'), later(1), 'PRO')).rejects.toBeInstanceOf(NotFoundError); // masked to them
    const v2 = await replaceDocument(db, gp, v1.documentId, deposit(p.profileId, '11488-4'), later(1), 'PRO');
    const all = await listPatientDocuments(db, gp, p.profileId, { status: 'all' }, later(2), 'PRO');
    expect(all.documents.map((d) => [d.id, d.labels])).toEqual([
      [v2.documentId, ['masqué aux professionnels de santé']], // DOC-11: flags carry over
      [v1.documentId, ['masqué aux professionnels de santé', 'ancienne version obsolète']],
    ]);
    await expect(replaceDocument(db, gp, v1.documentId, deposit(p.profileId, '11488-4'), later(3), 'PRO')).rejects.toThrow(/dernière version/);
    const unmasked = await depositDocument(db, gp, deposit(p.profileId, '57833-6'), later(3), 'PRO');
    await expect(deleteProfessionalDocument(db, other, unmasked.documentId, later(4), 'PRO')).rejects.toThrow(/seul le professionnel/);
    await deleteProfessionalDocument(db, gp, unmasked.documentId, later(5), 'PRO');
    expect((await listPatientDocuments(db, gp, p.profileId, {}, later(6), 'PRO')).documents.map((d) => d.id)).toEqual([v2.documentId]);
    const row = await db.selectFrom('documents').select(['status', 'deleted_by_label']).where('id', '=', unmasked.documentId).executeTakeFirstOrThrow();
    expect(row.status).toBe('DELETED');
  });

  test('AUD-6: the declared médecin traitant reads the patient’s history, another doctor is refused; each reads its own activity', async () => {
    const p = await aPatient();
    const gp = await aProfessional('10');
    const other = await aProfessional('10');
    await db.updateTable('profiles').set({ declared_gp_id: gp.professionalId }).where('id', '=', p.profileId).execute();
    await declareConsent(db, other, { ins: p.ins, patientAgreed: true }, now, 'PRO');
    const { history } = await readPatientHistory(db, gp, p.profileId, { tab: 'tout' }, later(1), 'PRO');
    expect(history.rows.map((r) => r.action)).toContain('patient.consent');
    await expect(readPatientHistory(db, other, p.profileId, { tab: 'tout' }, later(1), 'PRO')).rejects.toThrow(/médecin traitant/);
    await blockProfessional(db, p.actor, { profileId: p.profileId, professionalId: gp.professionalId }, later(2));
    await expect(readPatientHistory(db, gp, p.profileId, { tab: 'tout' }, later(3), 'PRO')).rejects.toThrow(/bloqué/); // PRO-6
    const mine = await myActivity(db, other, {});
    expect(mine.rows.map((r) => [r.action, r.outcome, r.profile_id])).toEqual([
      ['profile.history.read', 'DENIED', p.profileId], ['patient.consent', 'OK', p.profileId],
    ]);
    expect((await myActivity(db, gp, {})).rows.every((r) => r.profile_id === p.profileId)).toBe(true); // its own only
  });

  test('IDOR: an unknown or malformed id is 404 and leaves a refused trace', async () => {
    const gp = await aProfessional('10');
    const ghost = randomUUID();
    await expect(listPatientDocuments(db, gp, ghost, {}, now, 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    await expect(viewPatientDocument(db, gp, 'not-an-id', now, 'PRO')).rejects.toBeInstanceOf(NotFoundError);
    const refused = await db.selectFrom('access_events').select(['action', 'reason', 'target_id']).where('actor_id', '=', gp.rpps).orderBy('id').execute();
    expect(refused).toEqual([
      { action: 'document.list', reason: 'no-target', target_id: ghost },
      { action: 'document.view', reason: 'no-target', target_id: 'not-an-id' },
    ]);
  });
});
