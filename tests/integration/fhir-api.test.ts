import { createHash, randomInt, randomUUID } from 'node:crypto';
import { Client, type FhirResource } from 'fhir-kit-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProSanteConnect } from '@/lib/dev/pro-sante-connect/server';
import { closeDb, getDb } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { ensureDefaultMatrix } from '@/lib/access-matrix/seed-default';
import { authenticateApiCall } from '@/lib/api-clients/professional-identity';
import { registerApiClient } from '@/lib/api-clients/register-client';
import { issueAccessToken } from '@/lib/api-clients/tokens';
import { blockProfessional } from '@/lib/confidentiality/professional-blocks';
import { listDocuments } from '@/lib/documents/list-documents';
import { declareConsent } from '@/lib/professional-access/authorise-patient';
import { depositDocument } from '@/lib/professional-access/deposit-document';
import { aHolder, aNir, aStaffMember, insOf } from '../factories';
import { startFhirServer } from '../support/fhir-server';
import { expectValidFhir } from '../support/fhir-validate';
import { pscIdToken } from '../support/psc-id-token';

// The stand-in Pro Santé Connect runs before anything reads the configuration: the routes verify
// X-PSC-Token against PSC_ISSUER (lib/config reads it once).
const PSC_CLIENT = { id: 'mes-local', secret: 'mes-local-secret', redirectUri: 'http://localhost:3000/api/auth/callback/psc' };
const psc = await startProSanteConnect({ port: 0, redirectUris: [PSC_CLIENT.redirectUri] });
process.env.PSC_ISSUER = psc.url;
process.env.PSC_CLIENT_ID = PSC_CLIENT.id;

const db = getDb();
const FINESS = '750712184';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const pdf = (text: string) => Buffer.concat([PDF, Buffer.from(`% ${text}\n`)]);
const LOINC = 'http://loinc.org';
const CONF = 'https://mon-espace-sante.example/fhir/CodeSystem/confidentialite-document';

let server: Awaited<ReturnType<typeof startFhirServer>>;
let facilityToken: string;
beforeAll(async () => {
  await ensureDefaultMatrix(db);
  server = await startFhirServer();
  const agent = await aStaffMember(db);
  const software = await registerApiClient(db, agent, {
    name: `Logiciel FHIR ${randomInt(1e9)}`, editor: 'Éditeur test', finess: FINESS, facilityName: 'Centre hospitalier de test',
  }, new Date());
  facilityToken = (await issueAccessToken(db, software, new Date())).accessToken;
});
afterAll(async () => {
  await server?.close();
  await psc.close();
  await closeDb();
});

type User = { actor: ProfessionalActor; client: Client; headers: Record<string, string> };

/** A facility software's user (PRO-2): X-Facility-User names them; the actor is what the API will see. */
async function aFacilityUser(profession: string): Promise<User> {
  const rpps = `1${String(randomInt(1e9)).padStart(10, '0')}`;
  const headers = { authorization: `Bearer ${facilityToken}`, 'x-facility-user': `rpps=${rpps}; name=Alex Test${randomInt(1e6)}; profession=${profession}` };
  const { actor } = await authenticateApiCall(db, new Headers(headers), new Date());
  return { actor, headers, client: new Client({ baseUrl: server.url, customHeaders: headers }) };
}

/** An active patient whose INS has its five traits (ID-6), and the FHIR search parameters of that INS. */
async function aPatient() {
  const h = await aHolder(db, new Date());
  const ins = await insOf(db, h.profileId);
  const search = {
    identifier: `urn:oid:1.2.250.1.213.1.4.8|${ins.matricule}`, family: ins.birthName, given: ins.firstNames, birthdate: ins.birthDate,
    gender: ins.sex === 1 ? 'male' : 'female', birthplace: ins.birthPlace,
  };
  return { ...h, ins, search };
}

const consent = (user: User, p: Awaited<ReturnType<typeof aPatient>>) => declareConsent(db, user.actor, { ins: p.ins, patientAgreed: true }, new Date(), 'PRO');

/** A successful answer, validated as FHIR R4. */
async function ok<T extends FhirResource>(call: Promise<FhirResource>): Promise<T & Record<string, any>> {
  const resource = await call;
  expectValidFhir(resource);
  return resource as T & Record<string, any>;
}
/** An error answer: its status and its OperationOutcome (validated), with the response headers. */
async function refused(call: Promise<unknown>): Promise<{ status: number; outcome: Record<string, any>; headers: Headers }> {
  const error = await call.then(() => undefined, (e: unknown) => e) as { response?: { status: number; data: Record<string, any> }; config?: { headers: Headers } } | undefined;
  if (!error?.response) throw new Error(`expected an HTTP error, got ${JSON.stringify(error)}`);
  expectValidFhir(error.response.data);
  expect(error.response.data.resourceType).toBe('OperationOutcome');
  return { status: error.response.status, outcome: error.response.data, headers: error.config!.headers };
}

const documentReference = (profileId: string, typeCode: string, bytes: Buffer, extra: Record<string, unknown> = {}) => ({
  resourceType: 'DocumentReference', status: 'current', type: { coding: [{ system: LOINC, code: typeCode }] },
  subject: { reference: `Patient/${profileId}` }, context: { period: { start: '2026-11-20' } },
  content: [{ attachment: { contentType: 'application/pdf', title: `Document ${typeCode}`, data: bytes.toString('base64') } }], ...extra,
});
const ids = (bundle: Record<string, any>) => (bundle.entry ?? []).map((e: any) => e.resource.id as string);
const traces = (profileId: string) => db.selectFrom('access_events').select(['action', 'outcome', 'reason', 'actor_type', 'channel'])
  .where('profile_id', '=', profileId).orderBy('id').execute();

describe('CapabilityStatement and authentication', () => {
  test('GET metadata needs no token and says what is supported', async () => {
    const cs = await ok(new Client({ baseUrl: server.url }).capabilityStatement());
    expect(cs.resourceType).toBe('CapabilityStatement');
    expect(cs.rest[0].resource.map((r: any) => r.type)).toEqual(['Patient', 'DocumentReference', 'Binary', 'Communication']);
  });

  test('no token, a foreign token, no identity: 401 OperationOutcome with WWW-Authenticate and a French reason', async () => {
    const p = await aPatient();
    const anonymous = await refused(new Client({ baseUrl: server.url }).search({ resourceType: 'Patient', searchParams: p.search }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="mon-espace-sante"');
    expect(anonymous.outcome.issue[0]).toMatchObject({ code: 'login', diagnostics: expect.stringMatching(/Jeton d’accès absent/) });
    const forged = await refused(new Client({ baseUrl: server.url, bearerToken: 'pas-un-jeton', customHeaders: { 'x-facility-user': 'rpps=10100000077; name=A B; profession=10' } })
      .read({ resourceType: 'DocumentReference', id: randomUUID() }));
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    const nobody = await refused(new Client({ baseUrl: server.url, bearerToken: facilityToken }).search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId } }));
    expect(nobody).toMatchObject({ status: 401, outcome: { issue: [{ diagnostics: expect.stringMatching(/X-PSC-Token/) }] } });
    // Nothing reached the use cases: no trace on the patient's profile.
    expect((await traces(p.profileId)).filter((e) => e.channel === 'API')).toEqual([]);
  });

  test('unknown paths and unsupported methods are OperationOutcomes too; a wrong body is 415/400, never 500', async () => {
    const user = await aFacilityUser('10');
    const unknownType = await refused(user.client.read({ resourceType: 'Observation', id: randomUUID() }));
    expect(unknownType).toMatchObject({ status: 404, outcome: { issue: [{ code: 'not-supported' }] } });
    const update = await refused(user.client.update({ resourceType: 'DocumentReference', id: randomUUID(), body: { resourceType: 'DocumentReference' } }));
    expect(update.status).toBe(405);
    const post = (body: string, type: string) => fetch(`${server.url}/DocumentReference`, { method: 'POST', body, headers: { ...user.headers, 'content-type': type } });
    const xml = await post('<DocumentReference/>', 'application/fhir+xml');
    expect(xml.status).toBe(415);
    expectValidFhir(await xml.json());
    const broken = await post('{"resourceType": "DocumentReference",', 'application/fhir+json');
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toBe('application/fhir+json; charset=utf-8');
    expect(await broken.json()).toMatchObject({ issue: [{ code: 'structure' }] });
    const badParam = await refused(user.client.search({ resourceType: 'DocumentReference', searchParams: { patient: randomUUID(), date: 'hier' } }));
    expect(badParam.status).toBe(400);
  });
});

describe('PRO-3, ID-6..8: Patient by INS', () => {
  test('match: one Patient carrying the access answer; consent turns NONE into AUTHORISED; traced patient.check on channel API', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    const search = () => ok(user.client.search({ resourceType: 'Patient', searchParams: p.search }));
    const before = await search();
    expect(before).toMatchObject({ type: 'searchset', total: 1, entry: [{ resource: { resourceType: 'Patient', id: p.profileId, active: true } }] });
    const answer = (bundle: any) => Object.fromEntries(bundle.entry[0].resource.extension.at(-1).extension.map((e: any) => [e.url, e.valueCode ?? e.valueBoolean]));
    expect(answer(before)).toMatchObject({ etat: 'ACTIVE', autorisation: 'NONE', medecinTraitant: false });
    await consent(user, p);
    expect(answer(await search())).toMatchObject({ autorisation: 'AUTHORISED' });
    // POST Patient/_search: the same answer, the matricule kept out of the URL.
    const posted = await ok(user.client.search({ resourceType: 'Patient', searchParams: p.search, options: { postSearch: true } }));
    expect(posted).toMatchObject({ total: 1, link: [{ relation: 'self', url: `${server.url}/Patient/_search` }] });
    expect(answer(posted)).toMatchObject({ autorisation: 'AUTHORISED' });
    const t = (await traces(p.profileId)).filter((e) => e.action === 'patient.check');
    expect(t.map((e) => [e.outcome, e.channel, e.actor_type])).toEqual(Array(3).fill(['OK', 'API', 'HEALTHCARE_FACILITY']));
  });

  test('ID-8: a differing trait → 422 naming the trait, refused and traced; an unknown INS → empty searchset; a missing trait → 400', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    const mismatch = await refused(user.client.search({ resourceType: 'Patient', searchParams: { ...p.search, birthplace: '69123' } }));
    expect(mismatch).toMatchObject({ status: 422, outcome: { issue: [{ code: 'business-rule', diagnostics: expect.stringMatching(/lieu de naissance/) }] } });
    expect((await traces(p.profileId)).filter((e) => e.action === 'patient.check')).toEqual([
      { action: 'patient.check', outcome: 'DENIED', reason: 'ins-mismatch', actor_type: 'HEALTHCARE_FACILITY', channel: 'API' }]);
    const unknown = await ok(user.client.search({ resourceType: 'Patient', searchParams: { ...p.search, identifier: `urn:oid:1.2.250.1.213.1.4.8|${aNir()}` } }));
    expect(unknown).toMatchObject({ type: 'searchset', total: 0 });
    expect(unknown.entry ?? []).toEqual([]);
    const fourTraits = Object.fromEntries(Object.entries(p.search).filter(([k]) => k !== 'birthplace'));
    expect((await refused(user.client.search({ resourceType: 'Patient', searchParams: fourTraits }))).status).toBe(400);
  });

  test('GET Patient/{id}: the identity once authorised; 403 before; 404 for an unknown id', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    const before = await refused(user.client.read({ resourceType: 'Patient', id: p.profileId }));
    expect(before.status).toBe(403);
    await consent(user, p);
    const patient = await ok(user.client.read({ resourceType: 'Patient', id: p.profileId }));
    expect(patient).toMatchObject({ id: p.profileId, birthDate: p.ins.birthDate, name: [{ family: p.ins.birthName }] });
    expect((await refused(user.client.read({ resourceType: 'Patient', id: randomUUID() }))).status).toBe(404);
  });
});

describe('DocumentReference search, read and Binary (VIS-6..8, PRO-9)', () => {
  test('an authorised doctor sees the visible documents, never the masked one of another author; the author does; pages follow next', async () => {
    const p = await aPatient();
    const author = await aFacilityUser('10');
    const doctor = await aFacilityUser('10');
    for (const u of [author, doctor]) await consent(u, p);
    const now = new Date();
    const visible = await depositDocument(db, author.actor, { profileId: p.profileId, title: 'CR', typeCode: '11488-4', documentDate: '2026-11-02', file: { name: 'a.pdf', bytes: pdf('a') } }, now, 'PRO');
    const bio = await depositDocument(db, author.actor, { profileId: p.profileId, title: 'Bio', typeCode: '11502-2', documentDate: '2026-10-01', file: { name: 'b.pdf', bytes: pdf('b') } }, now, 'PRO');
    const masked = await depositDocument(db, author.actor, { profileId: p.profileId, title: 'Masqué', typeCode: '11488-4', documentDate: '2026-11-03', masquePs: true, file: { name: 'c.pdf', bytes: pdf('c') } }, now, 'PRO');

    const search = (user: User, searchParams: Record<string, string | string[]>) =>
      ok(user.client.search({ resourceType: 'DocumentReference', searchParams: { patient: `Patient/${p.profileId}`, ...searchParams } }));
    const seen = await search(doctor, {});
    expect(seen.total).toBe(2);
    expect(ids(seen).sort()).toEqual([visible.documentId, bio.documentId].sort());
    const own = await search(author, {});
    expect(own.total).toBe(3);
    const maskedOwn = own.entry.find((e: any) => e.resource.id === masked.documentId).resource;
    expect(maskedOwn.securityLabel.map((l: any) => l.coding[0].code)).toEqual(['N', 'MASQUE_PS']);
    expect((await search(doctor, { type: `${LOINC}|11502-2` })).entry.map((e: any) => e.resource.id)).toEqual([bio.documentId]);
    expect(ids(await search(doctor, { date: ['ge2026-11-01', 'le2026-11-30'] }))).toEqual([visible.documentId]);

    // Keyset pages: _count=1, then the next link, until none.
    const pages: string[] = [];
    let page: any = await search(doctor, { _count: '1' });
    while (page) {
      expect(page.total).toBe(2);
      pages.push(...ids(page));
      page = page.link.some((l: any) => l.relation === 'next') ? await ok(doctor.client.nextPage({ bundle: page })!) : undefined;
    }
    expect(pages.sort()).toEqual([visible.documentId, bio.documentId].sort());
    const masked404 = await refused(doctor.client.read({ resourceType: 'DocumentReference', id: masked.documentId }));
    expect(masked404.status).toBe(404); // its existence never leaks
    const lists = (await traces(p.profileId)).filter((e) => e.action === 'document.list');
    expect(lists.every((e) => e.channel === 'API' && e.outcome === 'OK')).toBe(true);
    expect(lists).toHaveLength(6); // one trace per search call, pages included
    // The benchmark-only audit skip is ignored unless the server runs with MES_BENCH_MODE=1.
    await ok(doctor.client.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId }, options: { headers: { 'x-bench-skip-audit': '1' } } }));
    expect((await traces(p.profileId)).filter((e) => e.action === 'document.list')).toHaveLength(7);
  });

  test('PRO-9: a podiatrist does not get the CR d’accouchement, in the list or by id', async () => {
    const p = await aPatient();
    const midwife = await aFacilityUser('50');
    const podiatrist = await aFacilityUser('80');
    for (const u of [midwife, podiatrist]) await consent(u, p);
    const delivery = await depositDocument(db, midwife.actor, { profileId: p.profileId, title: 'Accouchement', typeCode: '15508-5', documentDate: null, file: { name: 'd.pdf', bytes: pdf('d') } }, new Date(), 'PRO');
    const consultation = await depositDocument(db, midwife.actor, { profileId: p.profileId, title: 'Consultation', typeCode: '11488-4', documentDate: null, file: { name: 'e.pdf', bytes: pdf('e') } }, new Date(), 'PRO');
    const seen = await ok(podiatrist.client.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId } }));
    expect(seen).toMatchObject({ total: 1 });
    expect(ids(seen)).toEqual([consultation.documentId]);
    expect((await refused(podiatrist.client.read({ resourceType: 'Binary', id: delivery.documentId }))).status).toBe(404);
  });

  test('read, then Binary: raw bytes with their type by default, a FHIR Binary on request; the hash is the base64 SHA-1 of the bytes', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    await consent(user, p);
    const bytes = pdf('binaire');
    const { documentId } = await depositDocument(db, user.actor, { profileId: p.profileId, title: 'CR', typeCode: '11488-4', documentDate: '2026-11-05', file: { name: 'f.pdf', bytes } }, new Date(), 'PRO');
    const doc = await ok(user.client.read({ resourceType: 'DocumentReference', id: documentId }));
    const attachment = doc.content[0].attachment;
    expect(attachment).toMatchObject({ contentType: 'application/pdf', size: bytes.length, hash: createHash('sha1').update(bytes).digest('base64'),
      url: `${server.url}/Binary/${documentId}` });
    const raw = await fetch(attachment.url, { headers: { ...user.headers, accept: '*/*' } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await raw.arrayBuffer()).equals(bytes)).toBe(true);
    const binary = await ok(user.client.read({ resourceType: 'Binary', id: documentId }));
    expect(Buffer.from(binary.data, 'base64').equals(bytes)).toBe(true);
    const reads = (await traces(p.profileId)).filter((e) => e.action === 'document.read' || e.action === 'document.view');
    expect(reads.map((e) => `${e.action}:${e.channel}`)).toEqual(['document.view:API', 'document.read:API', 'document.read:API']);
  });
});

describe('deposits (PRO-8, DOC-9..14, VIS-9/10)', () => {
  test('create → 201 with Location, the patient sees it; DOC-12 resubmission → 200 same id; other content → 409; VIS-10 → 422', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    await consent(user, p);
    const uniqueId = `urn:oid:1.2.250.1.999.${randomInt(1e9)}`;
    const body = documentReference(p.profileId, '11502-2', pdf('dépôt'), { masterIdentifier: { system: 'urn:ietf:rfc:3986', value: uniqueId } });
    const created = await ok(user.client.create({ resourceType: 'DocumentReference', body }));
    const response = Client.httpFor(created).response!;
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`${server.url}/DocumentReference/${created.id}`);
    expect(created).toMatchObject({ status: 'current', masterIdentifier: { value: uniqueId }, category: [{ coding: [{ code: 'BIOLOGIE' }] }],
      author: [{ display: expect.stringContaining('Centre hospitalier de test') }] });
    const patientSide = await listDocuments(db, p.actor, p.profileId, {}, new Date());
    expect(patientSide.documents.map((d) => [d.id, d.category, d.author_type])).toEqual([[created.id, 'BIOLOGIE', 'HEALTHCARE_FACILITY']]);

    const again = await ok(user.client.create({ resourceType: 'DocumentReference', body }));
    expect(Client.httpFor(again).response!.status).toBe(200);
    expect(again.id).toBe(created.id);
    const conflict = await refused(user.client.create({ resourceType: 'DocumentReference', body: { ...body, content: [{ attachment: { contentType: 'application/pdf', data: pdf('autre').toString('base64') } }] } }));
    expect(conflict).toMatchObject({ status: 409, outcome: { issue: [{ code: 'duplicate', expression: ['DocumentReference.masterIdentifier'] }] } });
    const both = await refused(user.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('vis10'), {
      securityLabel: [{ coding: [{ system: CONF, code: 'MASQUE_PS' }] }, { coding: [{ system: CONF, code: 'INVISIBLE_PATIENT' }] }] }) }));
    expect(both).toMatchObject({ status: 422, outcome: { issue: [{ code: 'business-rule', diagnostics: expect.stringMatching(/VIS-10/) }] } });
    const invalid = await refused(user.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '99999-9', Buffer.from('pas un pdf')) }));
    expect(invalid.status).toBe(422);
    expect(invalid.outcome.issue.map((i: any) => i.expression[0])).toEqual(['DocumentReference.type', 'DocumentReference.content[0].attachment']);
    expect((await listDocuments(db, p.actor, p.profileId, {}, new Date())).documents).toHaveLength(1);
    const deposits = (await traces(p.profileId)).filter((e) => e.action === 'document.deposit');
    expect(deposits.map((e) => `${e.actor_type}:${e.channel}`)).toEqual(['HEALTHCARE_FACILITY:API']);
  });

  test('DOC-11: relatesTo replaces makes a new version, the old one superseded; flags carry over; another author cannot replace', async () => {
    const p = await aPatient();
    const author = await aFacilityUser('10');
    const other = await aFacilityUser('10');
    for (const u of [author, other]) await consent(u, p);
    const v1 = await ok(author.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('v1'), {
      securityLabel: [{ coding: [{ system: CONF, code: 'INVISIBLE_PATIENT' }] }] }) }));
    const replaces = { relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${v1.id}` } }] };
    const refusedReplace = await refused(other.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('v2-autre'), replaces) }));
    expect(refusedReplace).toMatchObject({ status: 403, outcome: { issue: [{ diagnostics: expect.stringMatching(/seul le professionnel qui a déposé/) }] } });
    const v2 = await ok(author.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('v2'), replaces) }));
    expect(v2.relatesTo).toEqual([{ code: 'replaces', target: { reference: `DocumentReference/${v1.id}` } }]);
    expect(v2.securityLabel.map((l: any) => l.coding[0].code)).toEqual(['N', 'INVISIBLE_PATIENT']);
    const all = await ok(author.client.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId, status: 'current,superseded' } }));
    expect(all.entry.map((e: any) => [e.resource.id, e.resource.status])).toEqual([[v2.id, 'current'], [v1.id, 'superseded']]);
    const old = await ok(author.client.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId, status: 'superseded' } }));
    expect(ids(old)).toEqual([v1.id]);
  });

  test('transaction Bundle: two documents (one inline, one through a Binary entry) → transaction-response; an invalid entry deposits nothing', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    await consent(user, p);
    const first = pdf('transaction-1');
    const second = pdf('transaction-2');
    const entry = (resource: Record<string, unknown>, fullUrl?: string) => ({ ...(fullUrl ? { fullUrl } : {}), resource, request: { method: 'POST', url: resource.resourceType } });
    const viaBinary = { ...documentReference(p.profileId, '18748-4', second), content: [{ attachment: { contentType: 'application/pdf', title: 'Imagerie', url: 'urn:uuid:binaire-1' } }] };
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: [
      entry(documentReference(p.profileId, '11488-4', first)),
      entry({ resourceType: 'Binary', contentType: 'application/pdf', data: second.toString('base64') }, 'urn:uuid:binaire-1'),
      entry(viaBinary),
    ] };
    const badBundle = { ...bundle, entry: [...bundle.entry, entry(documentReference(p.profileId, '11488-4', Buffer.from('texte')))] };
    const invalid = await refused(user.client.transaction({ body: badBundle }));
    expect(invalid).toMatchObject({ status: 422, outcome: { issue: [{ expression: ['Bundle.entry[3].resource.content[0].attachment'] }] } });
    expect((await listDocuments(db, p.actor, p.profileId, {}, new Date())).documents).toHaveLength(0); // all-or-nothing validation

    const answer = await ok(user.client.transaction({ body: bundle }));
    expect(answer.type).toBe('transaction-response');
    expect(answer.entry.map((e: any) => e.response.status)).toEqual(['201 Created', '201 Created', '201 Created']);
    const [doc1, binary, doc2] = answer.entry.map((e: any) => e.response.location as string);
    expect(binary).toBe(doc2!.replace('DocumentReference/', 'Binary/'));
    const stored = await listDocuments(db, p.actor, p.profileId, {}, new Date());
    expect(stored.documents.map((d) => d.id).sort()).toEqual([doc1!.split('/')[1], doc2!.split('/')[1]].sort());
    const file = await fetch(`${server.url}/${binary}`, { headers: user.headers });
    expect(Buffer.from(await file.arrayBuffer()).equals(second)).toBe(true);

    // Not atomic past validation: a refusal at entry 1 (unique id taken, DOC-12) leaves entry 0 deposited, and says so.
    const taken = { masterIdentifier: { value: `urn:oid:1.2.250.1.999.${randomInt(1e9)}` } };
    await ok(user.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('premier'), taken) }));
    const interrupted = await refused(user.client.transaction({ body: { resourceType: 'Bundle', type: 'transaction', entry: [
      entry(documentReference(p.profileId, '11488-4', pdf('passe'))), entry(documentReference(p.profileId, '11488-4', pdf('autre contenu'), taken)),
    ] } }));
    expect(interrupted.status).toBe(409);
    expect(interrupted.outcome.issue.map((i: any) => [i.severity, i.code, i.expression[0]])).toEqual([
      ['error', 'duplicate', 'Bundle.entry[1]'], ['information', 'informational', 'Bundle.entry[0]']]);
    expect((await listDocuments(db, p.actor, p.profileId, {}, new Date())).documents).toHaveLength(4);
  });

  test('DOC-9: DELETE by its author → 204 and gone; by another professional → 403; once deleted → 404', async () => {
    const p = await aPatient();
    const author = await aFacilityUser('10');
    const other = await aFacilityUser('10');
    for (const u of [author, other]) await consent(u, p);
    const doc = await ok(author.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '57833-6', pdf('à supprimer')),
      options: { headers: { prefer: 'return=representation' } } }));
    const denied = await refused(other.client.delete({ resourceType: 'DocumentReference', id: doc.id }));
    expect(denied.status).toBe(403);
    const deleted = await author.client.delete({ resourceType: 'DocumentReference', id: doc.id });
    expect(Client.httpFor(deleted).response!.status).toBe(204);
    expect((await refused(author.client.read({ resourceType: 'DocumentReference', id: doc.id }))).status).toBe(404);
    expect((await listDocuments(db, p.actor, p.profileId, {}, new Date())).documents).toHaveLength(0);
    const t = (await traces(p.profileId)).filter((e) => e.action === 'document.delete');
    expect(t.map((e) => `${e.outcome}:${e.reason ?? ''}`)).toEqual(['DENIED:pro-not-author', 'OK:']);
  });
});

describe('PRO-6 and the acting identity', () => {
  test('a blocked professional is refused on every call (403; a document id answers 404, never telling whose it is), each attempt traced on channel API', async () => {
    const p = await aPatient();
    const user = await aFacilityUser('10');
    await consent(user, p);
    const doc = await ok(user.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('avant blocage')) }));
    await blockProfessional(db, p.actor, { profileId: p.profileId, professionalId: user.actor.professionalId }, new Date());
    const list = await refused(user.client.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId } }));
    expect(list).toMatchObject({ status: 403, outcome: { issue: [{ code: 'forbidden', diagnostics: expect.stringMatching(/bloqué/) }] } });
    const deposit = await refused(user.client.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('après blocage')) }));
    expect(deposit).toMatchObject({ status: 403, outcome: { issue: [{ code: 'forbidden', diagnostics: expect.stringMatching(/bloqué/) }] } });
    expect((await refused(user.client.read({ resourceType: 'DocumentReference', id: doc.id as string }))).status).toBe(404); // even its own
    expect((await refused(user.client.read({ resourceType: 'Patient', id: p.profileId }))).status).toBe(403);
    const denied = (await traces(p.profileId)).filter((e) => e.outcome === 'DENIED');
    expect(denied.map((e) => `${e.action}:${e.reason}:${e.channel}`)).toEqual(['document.list:pro-blocked:API', 'document.deposit:pro-blocked:API',
      'document.view:pro-blocked:API', 'patient.open:pro-blocked:API']);
    const check = await ok(user.client.search({ resourceType: 'Patient', searchParams: p.search }));
    expect(check.entry[0].resource.extension.at(-1).extension).toContainEqual({ url: 'autorisation', valueCode: 'BLOCKED' });
  });

  test('PRO-1: a professional acting with a real Pro Santé Connect token is traced HEALTHCARE_PROFESSIONAL', async () => {
    const p = await aPatient();
    const idToken = await pscIdToken(psc.url, '10100000001', PSC_CLIENT);
    const software = await registerApiClient(db, await aStaffMember(db), { name: `Logiciel cabinet ${randomInt(1e9)}`, editor: 'Éditeur' }, new Date());
    const headers = { authorization: `Bearer ${(await issueAccessToken(db, software, new Date())).accessToken}`, 'x-psc-token': idToken };
    const gp = new Client({ baseUrl: server.url, customHeaders: headers });
    const { actor } = await authenticateApiCall(db, new Headers(headers), new Date());
    expect(actor).toMatchObject({ rpps: '10100000001', facility: null });
    await declareConsent(db, actor, { ins: p.ins, patientAgreed: true }, new Date(), 'PRO');
    // Prefer: return=minimal → 201, Location, no body (and no read-back of the document).
    const created = await gp.create({ resourceType: 'DocumentReference', body: documentReference(p.profileId, '11488-4', pdf('psc')),
      options: { headers: { prefer: 'return=minimal' } } });
    const response = Client.httpFor(created).response!;
    expect(response.status).toBe(201);
    expect(Object.keys(created)).toEqual([]);
    const list = await ok(gp.search({ resourceType: 'DocumentReference', searchParams: { patient: p.profileId } }));
    expect(ids(list)).toEqual([response.headers.get('location')!.split('/').at(-1)]);
    const t = (await traces(p.profileId)).filter((e) => e.action.startsWith('document.'));
    expect(t.map((e) => `${e.action}:${e.actor_type}:${e.channel}`)).toEqual(['document.deposit:HEALTHCARE_PROFESSIONAL:API', 'document.list:HEALTHCARE_PROFESSIONAL:API']);
  });
});
