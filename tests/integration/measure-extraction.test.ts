import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor, ProfessionalActor } from '@/lib/access/actor';
import { issueCode } from '@/lib/accounts/issue-code';
import { addDocument } from '@/lib/documents/add-document';
import { deleteDocuments } from '@/lib/documents/delete-documents';
import { storeDocument } from '@/lib/documents/store-document';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import { deleteMeasure } from '@/lib/measures/delete-measure';
import { countMeasuresFromDocument } from '@/lib/measures/extraction/document-measures';
import { runMeasureExtraction } from '@/lib/measures/extraction/run-extraction';
import { setMeasureExtraction } from '@/lib/measures/extraction/set-measure-extraction';
import { measureExtractionSetting } from '@/lib/measures/extraction/setting';
import { measureSeries, measuresOverview } from '@/lib/measures/list-measures';
import { activateChild } from '@/lib/representatives/activate-child';
import { processDocumentsJob } from '@/jobs/documents';
import { anActivePatient, type ActivePatient } from '../factories';
import { anInsuredPopulation } from '../factories/population';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-11-28T10:00:00Z'); // 11:00 in Paris

const holderOf = (p: ActivePatient, represented: string[] = []): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: represented });
const doctor: ProfessionalActor = { kind: 'PROFESSIONAL', professionalId: randomUUID(), rpps: '10000000001', name: 'Dr Claire Martin',
  professionCode: '10', professionLabel: 'Médecin' };

const REPORT = 'Compte rendu de consultation\nExamen clinique :\nPoids : 71,5 kg\nTaille : 1,78 m\nTension 12/8.\n';

async function aTextReport(actor: PatientActor, profileId: string, text = REPORT, documentDate: string | null = '2026-11-02') {
  return addDocument(db, actor, { profileId, title: 'CR consultation', category: 'CPT_REND', documentDate,
    files: [{ name: 'cr.txt', bytes: Buffer.from(text, 'utf-8') }] }, now);
}

const LOINC = '2.16.840.1.113883.6.1';
const obs = (code: string, value: string, unit: string, time: string) => `<entry><observation classCode="OBS" moodCode="EVN">
  <code code="${code}" codeSystem="${LOINC}"/><effectiveTime value="${time}"/><value xsi:type="PQ" value="${value}" unit="${unit}"/></observation></entry>`;
const cda = (entries: string) => `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><title>Consultation pédiatrique</title>
<component><structuredBody><component><section>${entries}</section></component></structuredBody></component></ClinicalDocument>`;

/** What the professional side will do (its own issue): file a CDA through storeDocument. */
async function aProfessionalCda(profileId: string, xml: string) {
  return storeDocument(db, doctor, { profileId, title: 'Consultation pédiatrique', category: 'CPT_REND', documentDate: '2026-11-15',
    content: { bytes: Buffer.from(xml, 'utf-8'), mime: 'text/xml' },
    author: { type: 'HEALTHCARE_PROFESSIONAL', id: doctor.rpps, label: doctor.name }, traceAction: 'document.deposit' }, now);
}

const extractionJobOf = (documentId: string) => db.selectFrom('outbox').select(['id', 'status'])
  .where('kind', '=', 'measure-extraction').where(sql<boolean>`payload->>'documentId' = ${documentId}`).execute();
async function runJobOf(documentId: string) {
  const [job] = await extractionJobOf(documentId);
  return processDocumentsJob(db, { outboxId: job!.id }, now);
}
const measuresOf = (profileId: string) => db.selectFrom('measures').select(['type', 'value', 'unit', 'source', 'source_ref', 'effective_at'])
  .where('profile_id', '=', profileId).orderBy('type').orderBy('effective_at').execute();
const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'actor_type', 'channel', 'target_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

describe('MEA-4: measures extracted from the documents filed on a profile', () => {
  test('MEA-4: a TXT report uploaded by the patient gives its weight and height, linked to the document and traced by the system', async () => {
    const patient = await anActivePatient(db, now);
    const actor = holderOf(patient);
    const { documentId } = await aTextReport(actor, patient.profileId);
    expect(await runJobOf(documentId)).toBe('extracted 2');
    const noonParis = new Date('2026-11-02T11:00:00Z'); // no time in the text: the document date, at noon in Paris
    expect(await measuresOf(patient.profileId)).toEqual([
      { type: 'HEIGHT', value: '178.000', unit: 'cm', source: 'DOCUMENT_EXTRACTION', source_ref: documentId, effective_at: noonParis },
      { type: 'WEIGHT', value: '71.500', unit: 'kg', source: 'DOCUMENT_EXTRACTION', source_ref: documentId, effective_at: noonParis },
    ]);
    expect(await tracesOf(patient.profileId, 'measure.extract')).toEqual([
      { outcome: 'OK', reason: null, actor_type: 'SYSTEM', channel: 'WORKER', target_id: documentId },
    ]);
    // What the Mesures pages show: the value names its document.
    const overview = await measuresOverview(db, actor, patient.profileId, now);
    expect(overview.latest.WEIGHT).toMatchObject({ value: 71.5, source: 'DOCUMENT_EXTRACTION',
      sourceDocument: { id: documentId, title: 'CR consultation', profileId: patient.profileId } });
    expect(overview.bmi?.value).toBe(22.6); // MEA-3 from the extracted values: 71.5 / 1.78²
    const series = await measureSeries(db, actor, { profileId: patient.profileId, type: 'HEIGHT' }, now);
    expect(series.rows.map((m) => m.sourceDocument?.title)).toEqual(['CR consultation']);
  });

  test('MEA-4: running the job twice inserts nothing more and writes no second trace', async () => {
    const patient = await anActivePatient(db, now);
    const { documentId } = await aTextReport(holderOf(patient), patient.profileId);
    expect(await runJobOf(documentId)).toBe('extracted 2');
    expect(await runJobOf(documentId)).toBe('skipped'); // the outbox row is done
    expect(await runMeasureExtraction(db, documentId, now)).toBe('extracted 0'); // a redelivery before the row was marked done
    expect(await measuresOf(patient.profileId)).toHaveLength(2);
    expect(await tracesOf(patient.profileId, 'measure.extract')).toHaveLength(1);
  });

  test('MEA-4: with the setting off nothing is queued, and a job queued before the switch extracts nothing', async () => {
    const patient = await anActivePatient(db, now);
    const actor = holderOf(patient);
    expect(await measureExtractionSetting(db, actor, patient.profileId)).toEqual({ enabled: true, mayChange: true }); // on by default
    const queued = await aTextReport(actor, patient.profileId);
    await setMeasureExtraction(db, actor, { profileId: patient.profileId, enabled: false }, now);
    expect(await measureExtractionSetting(db, actor, patient.profileId)).toEqual({ enabled: false, mayChange: true });
    const after = await aTextReport(actor, patient.profileId);
    expect(await extractionJobOf(after.documentId)).toEqual([]);
    expect(await runJobOf(queued.documentId)).toBe('setting off');
    expect(await measuresOf(patient.profileId)).toEqual([]);
    expect(await tracesOf(patient.profileId, 'measure.extraction.off')).toEqual([
      { outcome: 'OK', reason: null, actor_type: 'PATIENT', channel: 'WEB', target_id: null },
    ]);
    // Switched on again: the next document is read.
    await setMeasureExtraction(db, actor, { profileId: patient.profileId, enabled: true }, now);
    const next = await aTextReport(actor, patient.profileId, 'Poids : 70 kg');
    expect(await runJobOf(next.documentId)).toBe('extracted 1');
  });

  test('MEA-4: a CDA filed by a professional through storeDocument gives weight, height and head circumference at their own times', async () => {
    const patient = await anActivePatient(db, now);
    const { documentId } = await aProfessionalCda(patient.profileId, cda([
      obs('29463-7', '12400', 'g', '202611151030'),
      obs('8302-2', '0.86', 'm', '202611151030'),
      obs('8287-5', '47.5', 'cm', '202611151030'),
      obs('8310-5', '37.2', 'Cel', '202611151030'), // temperature: not read from documents
    ].join('')));
    expect(await runJobOf(documentId)).toBe('extracted 3');
    const at = new Date('2026-11-15T09:30:00Z'); // 10:30 in Paris
    expect((await measuresOf(patient.profileId)).map((m) => [m.type, m.value, m.unit, m.source, m.source_ref, m.effective_at])).toEqual([
      ['HEAD_CIRCUMFERENCE', '47.500', 'cm', 'DOCUMENT_EXTRACTION', documentId, at],
      ['HEIGHT', '86.000', 'cm', 'DOCUMENT_EXTRACTION', documentId, at],
      ['WEIGHT', '12.400', 'kg', 'DOCUMENT_EXTRACTION', documentId, at],
    ]);
  });

  test('MEA-2: a value dated before the birth date or in the future is skipped, the others are kept', async () => {
    const patient = await anActivePatient(db, now);
    const { documentId } = await aProfessionalCda(patient.profileId, cda([
      obs('29463-7', '3.2', 'kg', '19500101'), // before any factory birth date (1960–1999)
      obs('8302-2', '170', 'cm', '202712011000'), // next year
      obs('29463-7', '68', 'kg', '202611151030'),
    ].join('')));
    expect(await runJobOf(documentId)).toBe('extracted 1');
    expect((await measuresOf(patient.profileId)).map((m) => [m.type, m.value])).toEqual([['WEIGHT', '68.000']]);
  });

  test('MEA-4, DOC-5: deleting the document deletes its extracted values in the same action (traced); the patient cannot delete one alone', async () => {
    const patient = await anActivePatient(db, now);
    const actor = holderOf(patient);
    const { documentId } = await aTextReport(actor, patient.profileId);
    await runJobOf(documentId);
    const [one] = await db.selectFrom('measures').select('id').where('source_ref', '=', documentId).execute();
    await expect(deleteMeasure(db, actor, { profileId: patient.profileId, measureId: one!.id }, now)).rejects.toBeInstanceOf(ValidationError);
    expect(await countMeasuresFromDocument(db, documentId)).toBe(2); // what the deletion confirmation announces
    await deleteDocuments(db, actor, [documentId], now);
    expect(await measuresOf(patient.profileId)).toEqual([]);
    expect((await tracesOf(patient.profileId, 'measure.delete')).filter((t) => t.outcome === 'OK')).toHaveLength(2);
  });

  test('MEA-4: a document deleted before the job runs gives nothing; an image is not queued', async () => {
    const patient = await anActivePatient(db, now);
    const actor = holderOf(patient);
    const { documentId } = await aTextReport(actor, patient.profileId);
    await deleteDocuments(db, actor, [documentId], now);
    expect(await runJobOf(documentId)).toBe('document gone');
    expect(await measuresOf(patient.profileId)).toEqual([]);
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const photo = await addDocument(db, actor, { profileId: patient.profileId, title: 'Photo', category: 'CPT_REND', documentDate: null,
      files: [{ name: 'poids.png', bytes: PNG }] }, now);
    expect(await extractionJobOf(photo.documentId)).toEqual([]);
  });

  test('MEA-4, VIS-9: a document hidden from the patient gives no values', async () => {
    const patient = await anActivePatient(db, now);
    const { documentId } = await aProfessionalCda(patient.profileId, cda(obs('29463-7', '68', 'kg', '202611151030')));
    await db.updateTable('documents').set({ invisible_patient: true }).where('id', '=', documentId).execute();
    expect(await runJobOf(documentId)).toBe('document hidden from the patient side');
    expect(await measuresOf(patient.profileId)).toEqual([]);
  });
});

describe('MEA-4: who may switch the setting', () => {
  test('MEA-4, REP-5: a representative switches a child’s setting; an aidant and an advisor are refused, traced, and nothing changes', async () => {
    const parent = await anActivePatient(db, now);
    const [insured] = await anInsuredPopulation(db, { departement: '75', count: 1, email: () => null, birthDate: '2024-03-10', firstNames: () => 'Lina' });
    const child = await db.insertInto('profiles').values({ nir: insured!.nir, vitale_serial: insured!.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Lina',
      birth_date: '2024-03-10', sex: 2, birth_place: '75056', email: null, kind: 'CHILD', state: 'PENDING', previous_state: null, state_changed_at: now,
      notice_sent_at: now, opposition_deadline: '2027-01-12', activation_last_failure_at: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('insured_people').values({ nir: parent.nir, vitale_serial: parent.vitaleSerial, birth_name: 'TESTEUR', first_names: 'Camille',
      birth_date: parent.birthDate, sex: 2, birth_place: '75056', departement: '75', email: parent.email, mobile: null, postal_address: null,
      parent_nir: null, ase: false, has_dmp: false, row_hash: 'x', last_import_id: null, updated_at: now }).onConflict((oc) => oc.doNothing()).execute();
    await db.updateTable('insured_people').set({ parent_nir: parent.nir }).where('nir', '=', insured!.nir).execute();
    const { code } = await issueCode(db, child.id, now);
    await activateChild(db, holderOf(parent), { profileId: child.id, code, certified: true }, now);
    const representative = holderOf(parent, [child.id]);

    const helper = await anActivePatient(db, now);
    const aidant: Actor = { ...holderOf(helper), aidedProfileIds: [child.id] };
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    expect((await measureExtractionSetting(db, aidant, child.id)).mayChange).toBe(false);
    await expect(setMeasureExtraction(db, aidant, { profileId: child.id, enabled: false }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(setMeasureExtraction(db, advisor, { profileId: child.id, enabled: false }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect((await measureExtractionSetting(db, representative, child.id)).enabled).toBe(true);
    expect((await tracesOf(child.id, 'measure.extraction.off')).map((t) => [t.outcome, t.reason]))
      .toEqual([['DENIED', 'aidant-not-allowed'], ['DENIED', 'advisor-no-medical']]);

    // The representative's upload on the child's profile is read; then they switch it off.
    const { documentId } = await aTextReport(representative, child.id, 'Poids : 12,4 kg\nPérimètre crânien : 47,5 cm', '2026-11-20');
    expect(await runJobOf(documentId)).toBe('extracted 2');
    await setMeasureExtraction(db, representative, { profileId: child.id, enabled: false }, now);
    expect(await measureExtractionSetting(db, representative, child.id)).toEqual({ enabled: false, mayChange: true });
  });
});
