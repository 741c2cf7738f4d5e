import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { R4 } from '@ahryman40k/ts-fhir-types';
import { PDFDocument } from 'pdf-lib';
import yauzl from 'yauzl';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { addDocument } from '@/lib/documents/add-document';
import { runDataExport } from '@/lib/export/build-export';
import { downloadExport, ExportExpiredError } from '@/lib/export/download-export';
import { confirmExport, sendExportCode } from '@/lib/export/request-export';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { blobStore } from '@/lib/storage/blob-store';
import { processDocumentsJob } from '@/jobs/documents';
import { anActivePatient } from '../factories';
import { latestOtp } from '../support/outbox';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-11-28T10:00:00Z');
const holderOf = (p: { accountId: string; profileId: string }): PatientActor =>
  ({ kind: 'PATIENT', accountId: p.accountId, name: 'Camille TESTEUR', ownProfileId: p.profileId, representedProfileIds: [] });

async function aPdf(text: string) {
  const doc = await PDFDocument.create();
  doc.addPage().drawText(text);
  return Buffer.from(await doc.save());
}

async function readStream(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The ZIP's entries by name, their content read whole (yauzl, the reader matching our writer). */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const entries = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => file.openReadStream(entry, (e, stream) => {
        if (e || !stream) return reject(e);
        void readStream(stream).then((b) => { entries.set(entry.fileName, b); file.readEntry(); }, reject);
      }));
      file.on('end', () => resolve(entries));
      file.readEntry();
    });
  });
}

async function requestExport(actor: PatientActor, profileId: string, email: string) {
  const { challengeId } = await sendExportCode(db, actor, profileId, now);
  return confirmExport(db, actor, { profileId, challengeId, otp: await latestOtp(db, email) }, now);
}

describe('CLO-12: "Télécharger mes données"', () => {
  test('CLO-12: a fresh code, a job, then a ZIP with the original files, a valid FHIR R4 Bundle and the history; downloads traced', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const original = await aPdf('compte rendu');
    await addDocument(db, actor, { profileId: patient.profileId, title: 'Compte rendu cardiologie', category: 'CPT_REND', documentDate: '2026-11-02',
      files: [{ name: 'cr.pdf', bytes: original }] }, now);
    await db.insertInto('measures').values({ profile_id: patient.profileId, type: 'WEIGHT', value: '72.5', value2: null, unit: 'kg',
      effective_at: new Date('2026-11-20T08:00:00Z'), source: 'PATIENT', source_ref: null, created_by_account: patient.accountId }).execute();

    const medical: [string, Record<string, unknown>][] = [
      ['ALLERGY', { name: 'Pénicilline', reaction: 'Urticaire', since: '2010-05-01' }],
      ['CONDITION', { name: 'Asthme', since: null, notes: null }],
      ['VACCINATION', { vaccine: 'Boostrixtetra', date: '2025-10-01', type: 'BOOSTER', batch: 'AB12', cip13: null }],
      ['TREATMENT', { name: 'Ventoline', dosage: '2 bouffées si besoin', startDate: '2024-01-01', endDate: null, cip13: null }],
      ['HOSPITALISATION', { reason: 'Appendicite', facility: 'Hôpital Saint-Louis', startDate: '2019-03-02', endDate: '2019-03-05' }],
      ['BLOOD_GROUP', { group: 'O+' }],
      ['CONTACT', { type: 'TRUSTED_CONTACT', firstName: 'Paul', lastName: 'Durand', relationship: 'Frère', phone: '06 12 34 56 78', email: null }],
    ];
    for (const [kind, payload] of medical) {
      await db.insertInto('medical_entries').values({ profile_id: patient.profileId, kind: kind as never, payload: JSON.stringify(payload),
        unique_key: null, document_id: null, source: 'PATIENT', source_label: null, professional_id: null, created_by_account: patient.accountId,
        created_at: now, updated_at: now } as never).execute();
    }
    const { exportId } = await requestExport(actor, patient.profileId, patient.email);
    const outbox = await db.selectFrom('outbox').select('id').where('kind', '=', 'data-export').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(await processDocumentsJob(db, { outboxId: outbox.id }, now)).toBe('ready');
    expect(await processDocumentsJob(db, { outboxId: outbox.id }, now)).toBe('skipped');

    const { stream } = await downloadExport(db, actor, exportId, new Date(now.getTime() + 6 * 86_400_000));
    const entries = await unzip(await readStream(stream));
    expect([...entries.keys()].sort()).toEqual(['LISEZMOI.txt', 'documents/001-Compte-rendu-cardiologie.pdf', 'donnees-de-sante.fhir.json', 'historique.csv']);
    expect(entries.get('documents/001-Compte-rendu-cardiologie.pdf')!.equals(original)).toBe(true);

    const bundle = JSON.parse(entries.get('donnees-de-sante.fhir.json')!.toString()) as R4.IBundle;
    expect(R4.RTTI_Bundle.decode(bundle)._tag).toBe('Right');
    expect(bundle.entry!.map((e) => e.resource!.resourceType)).toEqual(['Patient', 'DocumentReference', 'Observation', 'AllergyIntolerance',
      'Condition', 'Immunization', 'MedicationStatement', 'Encounter', 'Observation', 'RelatedPerson']);
    expect((bundle.entry![3]!.resource as R4.IAllergyIntolerance).code!.text).toBe('Pénicilline');
    const patientResource = bundle.entry![0]!.resource as R4.IPatient;
    expect(patientResource.identifier![0]!.value).toBe(patient.nir);
    const observation = bundle.entry![2]!.resource as R4.IObservation;
    expect(observation.code.coding![0]!.code).toBe('29463-7');
    expect(observation.valueQuantity).toMatchObject({ value: 72.5, unit: 'kg', code: 'kg' });
    const reference = bundle.entry![1]!.resource as R4.IDocumentReference;
    expect(reference.content[0]!.attachment.url).toBe('documents/001-Compte-rendu-cardiologie.pdf');

    const history = entries.get('historique.csv')!.toString();
    expect(history).toContain('Ajout d’un document');
    expect(history.split('\r\n')[0]).toBe('\ufeffDate et heure (heure de Paris);Type d’acteur;Auteur;Action;Document;Mode d’accès;Résultat');
    const traces = await db.selectFrom('access_events').select('action').where('profile_id', '=', patient.profileId)
      .where('action', 'like', 'profile.export%').orderBy('id').execute();
    expect(traces.map((t) => t.action)).toEqual(['profile.export.request', 'profile.export.ready', 'profile.export.download']);
    expect(await db.selectFrom('access_events').select('action').where('profile_id', '=', patient.profileId).where('action', '=', 'profile.history.export').execute()).toHaveLength(1);
  });

  test('CLO-12: a wrong code is refused on its field and nothing is queued', async () => {
    const patient = await anActivePatient(db);
    const actor = holderOf(patient);
    const { challengeId } = await sendExportCode(db, actor, patient.profileId, now);
    const right = await latestOtp(db, patient.email);
    const wrong = right === '000000' ? '111111' : '000000';
    await expect(confirmExport(db, actor, { profileId: patient.profileId, challengeId, otp: wrong }, now)).rejects.toMatchObject({ field: 'code', message: expect.stringContaining('Code incorrect') });
    expect(await db.selectFrom('data_exports').select('id').where('profile_id', '=', patient.profileId).execute()).toEqual([]);
  });

  test('CLO-12: the link lasts 7 days; another account gets 404; an aidant or an advisor cannot ask', async () => {
    const patient = await anActivePatient(db);
    const other = await anActivePatient(db);
    const actor = holderOf(patient);
    const { exportId } = await requestExport(actor, patient.profileId, patient.email);
    await runDataExport(db, exportId, now);
    await expect(downloadExport(db, holderOf(other), exportId, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(downloadExport(db, actor, exportId, new Date(now.getTime() + 7 * 86_400_000))).rejects.toBeInstanceOf(ExportExpiredError);
    await expect(downloadExport(db, actor, randomUUID(), now)).rejects.toBeInstanceOf(NotFoundError);
    const aidant: Actor = { ...holderOf(other), aidedProfileIds: [patient.profileId] };
    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseiller' };
    await expect(sendExportCode(db, aidant, patient.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(sendExportCode(db, advisor, patient.profileId, now)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  test('CLO-12, VIS-14: a representative’s export leaves out the minor’s confidential documents', async () => {
    const child = await anActivePatient(db);
    const parentAccount = await anActivePatient(db);
    const representative: PatientActor = { ...holderOf(parentAccount), representedProfileIds: [child.profileId] };
    await db.insertInto('representations').values({ account_id: parentAccount.accountId, profile_id: child.profileId, role: 'PARENT_PRINCIPAL',
      granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const stored = await blobStore().put(await aPdf('confidentiel'));
    await db.insertInto('documents').values({ profile_id: child.profileId, unique_id: `urn:uuid:${randomUUID()}`, title: 'Consultation confidentielle',
      category: 'CPT_REND', type_code: null, document_date: null, mime_type: 'application/pdf', size_bytes: stored.size, sha256: stored.sha256, sha1: stored.sha1,
      blob_key: stored.key, wrapped_key: stored.wrappedKey, author_type: 'HEALTHCARE_PROFESSIONAL', author_id: '1', author_label: 'Dr X',
      author_professional_id: null, replaces_id: null, mask_origin: null, folder_id: null, invisible_representants_legaux: true, created_at: now, updated_at: now }).execute();
    const { exportId } = await requestExport(representative, child.profileId, parentAccount.email);
    await runDataExport(db, exportId, now);
    const entries = await unzip(await readStream((await downloadExport(db, representative, exportId, now)).stream));
    expect([...entries.keys()].some((k) => k.startsWith('documents/'))).toBe(false);
    expect(entries.get('donnees-de-sante.fhir.json')!.toString()).not.toContain('Consultation confidentielle');
  });
});
