import { randomInt } from 'node:crypto';
import { Client } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { professionalActor, upsertProfessional } from '@/lib/auth/professional-login';
import { designateAdministrateur } from '@/lib/confidentiality/administrateur';
import { setEmergencyToggles, type EmergencyToggles } from '@/lib/confidentiality/emergency-toggles';
import { setMaskAll } from '@/lib/confidentiality/mask-all';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { storeDocument } from '@/lib/documents/store-document';
import { AccessDeniedError, DomainError, NotFoundError } from '@/lib/errors';
import { attestCareTeam, declareConsent } from '@/lib/professional-access/authorise-patient';
import { depositDocument } from '@/lib/professional-access/deposit-document';
import { listPatientDocuments, viewPatientDocument } from '@/lib/professional-access/patient-documents';
import { startEmergencyAccess } from '@/lib/professional-access/start-emergency';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { issueAccessToken } from '@/lib/api-clients/tokens';
import { PROFESSIONALS, pscClaims } from '@/lib/dev/pro-sante-connect/professionals';
import { startProSanteConnect } from '@/lib/dev/pro-sante-connect/server';
import { aHolder, aProfessional, aStaffMember } from '../factories';
import { startFhirServer } from '../support/fhir-server';
import { expectValidFhir } from '../support/fhir-validate';
import { pscIdToken } from '../support/psc-id-token';

// The API checks X-PSC-Token against PSC_ISSUER: the stand-in runs before the configuration is read.
const PSC_CLIENT = { id: 'mes-local', secret: 'mes-local-secret', redirectUri: 'http://localhost:3000/api/auth/callback/psc' };
const psc = await startProSanteConnect({ port: 0, redirectUris: [PSC_CLIENT.redirectUri] });
process.env.PSC_ISSUER = psc.url;
process.env.PSC_CLIENT_ID = PSC_CLIENT.id;

/**
 * The whole authorisation matrix as a table (DESIGN "One access policy"; issue #6): profession × document
 * type × masks × invisibility flags × block × consent / care team / administrateur / emergency (each
 * toggle) × profile state. Each row names its rule; each runs through the pages' use cases and through
 * the FHIR API, which must agree with the row and with each other.
 */
type Outcome = 'read' | 'hidden' | 'refused';
type Via = 'consent' | 'care-team' | 'administrateur' | 'emergency' | 'regulation' | 'none' | 'author';
type Row = {
  rule: string;
  /** The reader: a professional of the stand-in Pro Santé Connect (profession, specialty, activity come from its token). */
  reader: Reader;
  /** A LOINC type deposited by a doctor, or a category the patient files (DIR_ANT). */
  doc: { type?: string; patientCategory?: string; masquePs?: boolean; invisiblePatient?: boolean; invisibleRepresentatives?: boolean };
  via: Via;
  blocked?: boolean;
  toggles?: Partial<EmergencyToggles>;
  maskAll?: boolean;
  state?: 'CREATED' | 'SUSPENDED' | 'CLOSED';
  child?: boolean;
  expected: Outcome;
};

/** The stand-in's professionals by what they are (lib/dev/pro-sante-connect/professionals.ts). */
const READERS = {
  doctor: '10100000001', pharmacist: '10100000002', nurse: '10100000003', physio: '10100000004', dentist: '10100000005',
  midwife: '10100000006', podiatrist: '10100000007', samu: '10100000008', occupational: '10100000009', hospital: '10100000010',
} as const;
type Reader = keyof typeof READERS;
const CR = '11488-4';
const ROWS: Row[] = [
  { rule: 'PRO-5: a doctor with the patient’s consent reads a CR', reader: 'doctor', doc: { type: CR }, via: 'consent', expected: 'read' },
  { rule: 'PRO-4: a facility doctor of the care team reads a CR', reader: 'hospital', doc: { type: CR }, via: 'care-team', expected: 'read' },
  { rule: 'PRO-5: without consent nor care team, refused', reader: 'doctor', doc: { type: CR }, via: 'none', expected: 'refused' },
  { rule: 'PRO-6: a blocked doctor is refused despite consent', reader: 'doctor', doc: { type: CR }, via: 'consent', blocked: true, expected: 'refused' },
  { rule: 'PRO-6, EMG-4: a blocked doctor is refused even in an emergency', reader: 'doctor', doc: { type: CR }, via: 'emergency', blocked: true, expected: 'refused' },
  { rule: 'PRO-6: a blocked care-team member is refused', reader: 'hospital', doc: { type: CR }, via: 'care-team', blocked: true, expected: 'refused' },
  { rule: 'VIS-8: the author always reads its own document', reader: 'doctor', doc: { type: CR, masquePs: true }, via: 'author', expected: 'read' },
  { rule: 'PRO-9: a pharmacist does not read a CR de consultation', reader: 'pharmacist', doc: { type: CR }, via: 'consent', expected: 'hidden' },
  { rule: 'PRO-9: a pharmacist reads a prescription', reader: 'pharmacist', doc: { type: '57833-6' }, via: 'consent', expected: 'read' },
  { rule: 'PRO-9: a podiatrist never reads a CR d’accouchement', reader: 'podiatrist', doc: { type: '15508-5' }, via: 'consent', expected: 'hidden' },
  { rule: 'PRO-9: a podiatrist reads a CR de consultation', reader: 'podiatrist', doc: { type: CR }, via: 'consent', expected: 'read' },
  { rule: 'PRO-9: a dentist never reads the directives anticipées', reader: 'dentist', doc: { patientCategory: 'DIR_ANT' }, via: 'consent', expected: 'hidden' },
  { rule: 'PRO-9: a doctor reads the directives anticipées', reader: 'doctor', doc: { patientCategory: 'DIR_ANT' }, via: 'consent', expected: 'read' },
  { rule: 'PRO-9: a midwife reads a CR d’accouchement', reader: 'midwife', doc: { type: '15508-5' }, via: 'consent', expected: 'read' },
  { rule: 'PRO-9: a nurse reads a prescription de soins', reader: 'nurse', doc: { type: '57832-8' }, via: 'consent', expected: 'read' },
  { rule: 'PRO-9: a physiotherapist reads a prescription de soins', reader: 'physio', doc: { type: '57832-8' }, via: 'consent', expected: 'read' },
  { rule: 'VIS-6: a masked document is hidden from another authorised doctor', reader: 'doctor', doc: { type: CR, masquePs: true }, via: 'consent', expected: 'hidden' },
  { rule: 'VIS-6: a masked document is hidden from the care team', reader: 'hospital', doc: { type: CR, masquePs: true }, via: 'care-team', expected: 'hidden' },
  { rule: 'VIS-7: the administrateur reads a masked document', reader: 'doctor', doc: { type: CR, masquePs: true }, via: 'administrateur', expected: 'read' },
  { rule: 'VIS-8: the administrateur’s profession must still be allowed by the matrix', reader: 'podiatrist', doc: { type: '15508-5', masquePs: true }, via: 'administrateur', expected: 'hidden' },
  { rule: 'EMG-2: a bris de glace reads an unmasked CR', reader: 'doctor', doc: { type: CR }, via: 'emergency', expected: 'read' },
  { rule: 'EMG-1 toggle 3 off (default): emergency readers do not see masked documents', reader: 'doctor', doc: { type: CR, masquePs: true }, via: 'emergency', expected: 'hidden' },
  { rule: 'EMG-1 toggle 3 on: emergency readers see masked documents', reader: 'doctor', doc: { type: CR, masquePs: true }, via: 'emergency', toggles: { maskedVisible: true }, expected: 'read' },
  { rule: 'EMG-1 toggle 2 off: no bris de glace', reader: 'doctor', doc: { type: CR }, via: 'emergency', toggles: { other: false }, expected: 'refused' },
  { rule: 'EMG-3: a SAMU regulation doctor reads in regulation mode', reader: 'samu', doc: { type: CR }, via: 'regulation', expected: 'read' },
  { rule: 'EMG-1 toggle 1 off: no regulation access', reader: 'samu', doc: { type: CR }, via: 'regulation', toggles: { regulation: false }, expected: 'refused' },
  { rule: 'EMG-3: regulation mode only from a regulation centre', reader: 'doctor', doc: { type: CR }, via: 'regulation', expected: 'refused' },
  { rule: 'EMG-4: the matrix still applies in an emergency', reader: 'podiatrist', doc: { type: '15508-5' }, via: 'emergency', expected: 'hidden' },
  { rule: 'PRO-13: a médecin du travail has no emergency access', reader: 'occupational', doc: { type: CR }, via: 'emergency', expected: 'refused' },
  { rule: 'PRO-13: a médecin du travail has no care-team presumption', reader: 'occupational', doc: { type: CR }, via: 'care-team', expected: 'refused' },
  { rule: 'PRO-13: a médecin du travail reads with the holder’s express consent', reader: 'occupational', doc: { type: CR }, via: 'consent', expected: 'read' },
  { rule: 'VIS-9: professionals still read a document invisible to the patient', reader: 'doctor', doc: { type: '11526-1', invisiblePatient: true }, via: 'consent', expected: 'read' },
  { rule: 'VIS-14: professionals still read a document hidden from the legal representatives', reader: 'doctor', child: true, doc: { type: CR, invisibleRepresentatives: true }, via: 'consent', expected: 'read' },
  { rule: 'VIS-3: under mask-all a new document arrives masked', reader: 'doctor', maskAll: true, doc: { type: CR }, via: 'consent', expected: 'hidden' },
  { rule: 'VIS-3, VIS-7: under mask-all the administrateur still reads', reader: 'doctor', maskAll: true, doc: { type: CR }, via: 'administrateur', expected: 'read' },
  { rule: 'VIS-10: under mask-all an invisible_patient document is stored unmasked', reader: 'doctor', maskAll: true, doc: { type: '11526-1', invisiblePatient: true }, via: 'consent', expected: 'read' },
  { rule: 'PRO-12: a CREATED profile is readable', reader: 'doctor', state: 'CREATED', doc: { type: CR }, via: 'consent', expected: 'read' },
  { rule: 'PRO-12, ACC-3: a SUSPENDED profile is readable', reader: 'doctor', state: 'SUSPENDED', doc: { type: CR }, via: 'consent', expected: 'read' },
  { rule: 'PRO-12, ACC-3: a CLOSED profile is not available', reader: 'doctor', state: 'CLOSED', doc: { type: CR }, via: 'consent', expected: 'refused' },
  { rule: 'PRO-12: a CLOSED profile is not available in an emergency either', reader: 'doctor', state: 'CLOSED', doc: { type: CR }, via: 'emergency', expected: 'refused' },
];

const db = getDb();
// Half an hour ago: every step of a row is in the past of the API's real clock.
const t0 = new Date(Date.now() - 30 * 60_000);
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
beforeAll(() => ensureDefaultMatrix(db));
afterAll(() => closeDb());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A stand-in professional as the pages see them after a Pro Santé Connect login (same row as the API's). */
async function demoProfessional(reader: Reader): Promise<ProfessionalActor> {
  const pro = PROFESSIONALS.find((p) => p.rpps === READERS[reader])!;
  return professionalActor(await upsertProfessional(db, pscClaims(pro), null));
}

/** The author of the row's document, when it is not the reader: a doctor of its own. */
const anAuthor = () => aProfessional(db, { given: 'Camille', family: `Auteur${randomInt(1e6)}` });

/** Builds the row's situation through the real use cases; returns the reader, the profile and the document. */
async function situation(row: Row) {
  const h = await aHolder(db, t0);
  if (row.child) await db.updateTable('profiles').set({ kind: 'CHILD' }).where('id', '=', h.profileId).execute(); // setup only: the flag needs a minor
  await db.updateTable('profiles').set({ birth_place: '75056' }).where('id', '=', h.profileId).execute();
  const p = await db.selectFrom('profiles').selectAll().where('id', '=', h.profileId).executeTakeFirstOrThrow();
  const ins = { matricule: p.nir, birthName: p.birth_name, firstNames: p.first_names, birthDate: p.birth_date, sex: p.sex, birthPlace: '75056' };
  if (row.toggles) {
    await setEmergencyToggles(db, h.actor, { profileId: h.profileId, regulation: true, other: true, maskedVisible: false, ...row.toggles }, at(1));
  }
  if (row.maskAll) await setMaskAll(db, h.actor, { profileId: h.profileId, mask: true }, at(1));

  const reader = await demoProfessional(row.reader);
  const author = row.via === 'author' ? reader : await anAuthor();
  let documentId: string;
  if (row.doc.patientCategory) {
    ({ documentId } = await storeDocument(db, h.actor, { profileId: h.profileId, title: 'Mes directives', category: row.doc.patientCategory, documentDate: null,
      content: { bytes: PDF, mime: 'application/pdf' }, author: { type: 'PATIENT', id: h.accountId, label: 'Camille TESTEUR' }, traceAction: 'document.add' }, at(2)));
  } else {
    await declareConsent(db, author, { ins, patientAgreed: true }, at(2), 'PRO');
    ({ documentId } = await depositDocument(db, author, { profileId: h.profileId, title: `Document ${row.doc.type}`, typeCode: row.doc.type!, documentDate: null,
      masquePs: row.doc.masquePs, invisiblePatient: row.doc.invisiblePatient, invisibleRepresentatives: row.doc.invisibleRepresentatives,
      file: { name: 'doc.pdf', bytes: PDF } }, at(2), 'PRO'));
  }
  const tryIt = async (fn: () => Promise<unknown>) => { try { await fn(); } catch (e) { if (!(e instanceof DomainError)) throw e; } };
  if (row.via === 'consent' || row.via === 'administrateur') await declareConsent(db, reader, { ins, patientAgreed: true }, at(3), 'PRO');
  if (row.via === 'care-team') await tryIt(() => attestCareTeam(db, reader, { ins, ground: 'FACILITY', patientInformed: true }, at(3), 'PRO'));
  if (row.via === 'administrateur') await designateAdministrateur(db, h.actor, { profileId: h.profileId, professionalId: reader.professionalId }, at(3));
  if (row.blocked) await blockProfessional(db, h.actor, { profileId: h.profileId, professionalId: reader.professionalId }, at(4));
  if (row.state) await db.updateTable('profiles').set({ state: row.state }).where('id', '=', h.profileId).execute(); // setup only
  if (row.via === 'emergency' || row.via === 'regulation') {
    await tryIt(() => startEmergencyAccess(db, reader, { profileId: h.profileId, mode: row.via === 'regulation' ? 'REGULATION' : 'EMERGENCY',
      reasonCode: 'INCONSCIENCE', justification: 'Patient inconscient aux urgences, antécédents inconnus.' }, at(5), 'PRO'));
  }
  return { reader, profileId: h.profileId, documentId };
}

/** The pages' use cases: the list (count included) and the document must agree with each other. */
async function useCaseRunner(reader: ProfessionalActor, profileId: string, documentId: string, now: Date): Promise<Outcome> {
  let listed;
  try {
    listed = await listPatientDocuments(db, reader, profileId, { status: 'all' }, now, 'PRO');
  } catch (e) {
    if (e instanceof AccessDeniedError) return 'refused';
    throw e;
  }
  const inList = listed.documents.some((d) => d.id === documentId);
  expect(listed.total).toBe(listed.documents.length);
  let opened = false;
  try {
    await viewPatientDocument(db, reader, documentId, now, 'PRO');
    opened = true;
  } catch (e) {
    if (!(e instanceof NotFoundError)) throw e;
  }
  expect(opened).toBe(inList); // a document absent from the list is also 404 when asked for
  return inList ? 'read' : 'hidden';
}

let server: Awaited<ReturnType<typeof startFhirServer>>;
let softwareToken: string;
const idTokens = new Map<Reader, Promise<string>>();
beforeAll(async () => {
  server = await startFhirServer();
  const software = await registerApiClient(db, await aStaffMember(db), { name: `Logiciel matrice ${randomInt(1e9)}`, editor: 'Éditeur test' }, new Date());
  softwareToken = (await issueAccessToken(db, software, new Date())).accessToken;
});
afterAll(async () => {
  await server?.close();
  await psc.close();
});

/** The reader's software, with their own Pro Santé Connect token (one login per professional). */
function clientOf(reader: Reader): Promise<Client> {
  if (!idTokens.has(reader)) idTokens.set(reader, pscIdToken(psc.url, READERS[reader], PSC_CLIENT));
  return idTokens.get(reader)!.then((idToken) => new Client({ baseUrl: server.url, bearerToken: softwareToken, customHeaders: { 'x-psc-token': idToken } }));
}

const statusOf = async (call: Promise<unknown>): Promise<{ status: number; body: Record<string, unknown> }> => {
  try {
    const body = await call as Record<string, unknown>;
    expectValidFhir(body);
    return { status: 200, body };
  } catch (e) {
    const response = (e as { response?: { status: number; data: Record<string, unknown> } }).response;
    if (!response) throw e;
    expectValidFhir(response.data);
    return { status: response.status, body: response.data };
  }
};

/** The FHIR API through a FHIR client: DocumentReference search (403 → refused), then the document itself; both must agree. */
async function apiRunner(reader: Reader, profileId: string, documentId: string): Promise<Outcome> {
  const client = await clientOf(reader);
  const search = await statusOf(client.search({ resourceType: 'DocumentReference', searchParams: { patient: profileId } }));
  if (search.status === 403) return 'refused';
  expect(search.status).toBe(200);
  const entries = (search.body.entry ?? []) as { resource: { id: string } }[];
  const inList = entries.some((e) => e.resource.id === documentId);
  expect(search.body.total).toBe(entries.length);
  const read = await statusOf(client.read({ resourceType: 'DocumentReference', id: documentId }));
  expect(read.status).toBe(inList ? 200 : 404);
  return inList ? 'read' : 'hidden';
}

describe('the authorisation matrix, through the use cases and the FHIR API', () => {
  test.each(ROWS)('$rule', async (row) => {
    const { reader, profileId, documentId } = await situation(row);
    const pages = await useCaseRunner(reader, profileId, documentId, at(10));
    const api = await apiRunner(row.reader, profileId, documentId);
    expect({ pages, api }).toEqual({ pages: row.expected, api: row.expected });
  });
});
