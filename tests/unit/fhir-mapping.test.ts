import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ApiAuthError } from '@/lib/api-clients/errors';
import { AccessDeniedError, DomainError, NotFoundError, ValidationError } from '@/lib/errors';
import { benchSkipAudit } from '@/lib/fhir/bench-mode';
import { toBinary, wantsBinaryResource } from '@/lib/fhir/binary';
import { searchset, transactionResponse } from '@/lib/fhir/bundle';
import { capabilityStatement } from '@/lib/fhir/capability-statement';
import { depositFromResource } from '@/lib/fhir/document-deposit';
import { parseDocumentSearch, patientIdOf, toDocumentReference, type DocumentRow } from '@/lib/fhir/document-reference';
import { fhirErrorOf, FhirRequestError } from '@/lib/fhir/errors';
import { operationOutcome } from '@/lib/fhir/operation-outcome';
import { parsePatientSearch, toPatient } from '@/lib/fhir/patient';
import { dateRange } from '@/lib/fhir/search-params';
import { CATEGORY_SYSTEM, CONFIDENTIALITY_SYSTEM, LOINC } from '@/lib/fhir/systems';
import { planTransaction } from '@/lib/fhir/transaction';
import { InsMismatchError, InsUnknownError } from '@/lib/professional-access/check-access';
import { FlagsConflictError, UniqueIdTakenError } from '@/lib/professional-access/deposit-document';
import { expectValidFhir } from '../support/fhir-validate';

const BASE = 'https://mes.test/api/fhir/r4';
const PROFILE = '3f1c2a54-8b7e-4d21-9a0c-5e6f7a8b9c0d';
const DOC = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const OLD = '1b2c3d4e-5f60-4718-a9b0-c1d2e3f4a5b6';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// Without an XML declaration: professional-file.ts refuses a CDA that file-type sniffs as application/xml (reported).
const CDA = Buffer.from('<ClinicalDocument xmlns="urn:hl7-org:v3"><title>CR</title></ClinicalDocument>');

/** Throws what `fn` throws (fails the test when nothing is thrown). */
async function thrown(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
async function refusal(fn: () => unknown): Promise<FhirRequestError> {
  const error = await thrown(fn);
  expect(error).toBeInstanceOf(FhirRequestError);
  return error as FhirRequestError;
}

const row = (over: Partial<DocumentRow> = {}): DocumentRow => ({
  id: DOC, profile_id: PROFILE, unique_id: 'urn:oid:1.2.250.1.999.1.42', title: 'CR de consultation du 28/11', category: 'CPT_REND',
  type_code: '11488-4', document_date: '2026-11-28', mime_type: 'application/pdf', size_bytes: 1234,
  sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d', author_label: 'Claire Martin, Médecin', status: 'ACTIVE', replaces_id: null,
  masque_ps: false, invisible_patient: false, invisible_representants_legaux: false, created_at: new Date('2026-11-29T10:00:00Z'), ...over,
});

describe('DocumentReference mapping (MHD / PDSm)', () => {
  test('DOC-13, DOC-14, VIS-1: identifiers, LOINC type, category, subject, hex SHA-1 as base64, Binary URL, period', () => {
    const r = toDocumentReference(row(), BASE);
    expectValidFhir(r);
    expect(r).toMatchObject({
      resourceType: 'DocumentReference', id: DOC, status: 'current',
      masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.250.1.999.1.42' },
      type: { coding: [{ system: LOINC, code: '11488-4', display: 'CR de consultation' }] },
      category: [{ coding: [{ system: CATEGORY_SYSTEM, code: 'CPT_REND', display: 'Comptes rendus' }] }],
      subject: { reference: `Patient/${PROFILE}` }, date: '2026-11-29T10:00:00.000Z', author: [{ display: 'Claire Martin, Médecin' }],
      context: { period: { start: '2026-11-28' } },
      securityLabel: [{ coding: [{ code: 'N' }] }],
    });
    // SHA-1("abc") is a9993e…d89d in hex, qZk+NkcGgWq6PiVxeFDCbJzQ2J0= in base64.
    expect(r.content[0]!.attachment).toEqual({ contentType: 'application/pdf', language: 'fr-FR', url: `${BASE}/Binary/${DOC}`, size: 1234,
      hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=', title: 'CR de consultation du 28/11', creation: '2026-11-28' });
    expect(r.relatesTo).toBeUndefined();
  });

  test('VIS-1: each flag is a DMP confidentiality code; DOC-11: an obsolete version is superseded and the new one says what it replaces', () => {
    const masked = toDocumentReference(row({ masque_ps: true, invisible_representants_legaux: true, status: 'OBSOLETE' }), BASE);
    expectValidFhir(masked);
    expect(masked.status).toBe('superseded');
    expect(masked.securityLabel!.map((l) => l.coding![0]!.code)).toEqual(['N', 'MASQUE_PS', 'INVISIBLE_REP_LEGAUX']);
    expect(masked.securityLabel![1]!.coding![0]!.system).toBe(CONFIDENTIALITY_SYSTEM);
    const invisible = toDocumentReference(row({ invisible_patient: true, replaces_id: OLD, document_date: null, type_code: null, unique_id: 'abc' }), BASE);
    expectValidFhir(invisible);
    expect(invisible.securityLabel!.map((l) => l.coding![0]!.code)).toEqual(['N', 'INVISIBLE_PATIENT']);
    expect(invisible.relatesTo).toEqual([{ code: 'replaces', target: { reference: `DocumentReference/${OLD}` } }]);
    expect(invisible).not.toHaveProperty('context');
    expect(invisible).not.toHaveProperty('type');
    expect(invisible.masterIdentifier).toEqual({ value: 'abc' });
  });
});

describe('Patient mapping (PRO-3, ID-6)', () => {
  const identity = { profileId: PROFILE, birthName: 'DUPONT', firstNames: 'Marie Claire', birthDate: '1980-05-15', sex: 2, birthPlace: '75056' };
  const answer = { state: 'ACTIVE' as const, available: true, closed: null, authorisation: 'AUTHORISED' as const, medecinTraitant: true, emergencyUntil: null };

  test('identity, INS identifier, COG birthplace and the access answer as extensions; nothing medical', () => {
    const p = toPatient({ ...identity, ins: { matricule: '280057505601712', oid: '1.2.250.1.213.1.4.8' } }, answer);
    expectValidFhir(p);
    expect(p).toMatchObject({
      resourceType: 'Patient', id: PROFILE, active: true, gender: 'female', birthDate: '1980-05-15',
      identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: '280057505601712' }],
      name: [{ use: 'official', family: 'DUPONT', given: ['Marie', 'Claire'] }],
    });
    expect(p.extension![0]!.valueAddress!.extension![0]!.valueCoding!.code).toBe('75056');
    const check = Object.fromEntries(p.extension![1]!.extension!.map((e) => [e.url, e.valueCode ?? e.valueBoolean]));
    expect(check).toEqual({ etat: 'ACTIVE', disponible: true, autorisation: 'AUTHORISED', medecinTraitant: true });
    expect(Object.keys(p).sort()).toEqual(['active', 'birthDate', 'extension', 'gender', 'id', 'identifier', 'name', 'resourceType']);
  });

  test('a closed profile says when and why, and is not active; a blocked professional reads BLOCKED', () => {
    const p = toPatient({ ...identity, sex: 1, birthPlace: null }, { ...answer, state: 'CLOSED', available: false, authorisation: 'BLOCKED',
      medecinTraitant: false, closed: { at: new Date('2026-01-02T03:04:05Z'), reason: 'HOLDER_REQUEST' } });
    expectValidFhir(p);
    expect(p).toMatchObject({ active: false, gender: 'male' });
    expect(p.extension).toHaveLength(1);
    const check = Object.fromEntries(p.extension![0]!.extension!.map((e) => [e.url, e.valueCode ?? e.valueBoolean ?? e.valueDateTime ?? e.valueString]));
    expect(check).toMatchObject({ etat: 'CLOSED', autorisation: 'BLOCKED', clotureLe: '2026-01-02T03:04:05.000Z', motifCloture: 'HOLDER_REQUEST' });
  });
});

describe('Patient search by INS (ID-6..8)', () => {
  const q = (s: string) => new URLSearchParams(s);
  const full = 'identifier=urn:oid:1.2.250.1.213.1.4.8|255081416802538&family=Dupont&given=Marie&given=Claire&birthdate=1955-08-15&gender=female&birthplace=14168';

  test('the matricule and the five traits make the access check’s INS; INS-NIA is accepted', () => {
    expect(parsePatientSearch(q(full))).toEqual({ oid: '1.2.250.1.213.1.4.8', ins: {
      matricule: '255081416802538', birthName: 'Dupont', firstNames: 'Marie Claire', birthDate: '1955-08-15', sex: 2, birthPlace: '14168' } });
    expect(parsePatientSearch(q(full.replace('4.8|', '4.9|'))).oid).toBe('1.2.250.1.213.1.4.9');
  });

  test.each([
    ['no identifier (a name search)', full.replace(/identifier=[^&]+&/, ''), /par son INS/],
    ['another identifier system', full.replace('1.2.250.1.213.1.4.8', '1.2.3'), /INS-NIR/],
    ['a missing trait', full.replace('&birthplace=14168', ''), /manquant : birthplace/],
    ['a matricule with a wrong key', full.replace('802538', '802539'), /clé|cle/i],
    ['an unknown gender', full.replace('gender=female', 'gender=other'), /male ou female/],
    ['a bad COG code', full.replace('birthplace=14168', 'birthplace=Paris'), /code INSEE/],
    ['an unknown parameter', `${full}&name=Dupont`, /non pris en charge/],
  ])('400 for %s', async (_, search, message) => {
    const error = await refusal(() => parsePatientSearch(q(search)));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
  });
});

describe('DocumentReference search parameters', () => {
  const q = (s: string) => parseDocumentSearch(new URLSearchParams(s), 200);

  test('patient in any reference form; tokens with or without their system; current by default', () => {
    for (const ref of [PROFILE, `Patient/${PROFILE}`, `https://x.test/api/fhir/r4/Patient/${PROFILE}`]) expect(patientIdOf(ref)).toBe(PROFILE);
    expect(patientIdOf(`Practitioner/${PROFILE}`)).toBeUndefined();
    expect(q(`patient=Patient/${PROFILE}&type=${LOINC}|11488-4&category=CPT_REND&_count=10&_cursor=abc`)).toEqual({
      profileId: PROFILE, supersededOnly: false, filters: { typeCode: '11488-4', category: 'CPT_REND', status: 'current', limit: 10, after: 'abc' } });
    expect(q(`patient=${PROFILE}&status=current,superseded`).filters.status).toBe('all');
    expect(q(`patient=${PROFILE}&status=superseded`)).toMatchObject({ supersededOnly: true, filters: { status: 'all' } });
  });

  test('date prefixes make one inclusive range of document dates', () => {
    expect(q(`patient=${PROFILE}&date=ge2026-01-01&date=le2026-03-31`).filters).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(dateRange(['eq2026-02'])).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(dateRange(['2024'])).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(dateRange(['gt2026-02-28', 'lt2026-03-10'])).toEqual({ from: '2026-03-01', to: '2026-03-09' });
    expect(dateRange(['ge2026-01-01T10:00:00Z', 'ge2026-02-01'])).toEqual({ from: '2026-02-01' });
  });

  test.each([
    ['no patient', 'type=11488-4', /patient/],
    ['a patient that is not a Patient id', 'patient=Patient/42', /Patient\/\{id\}/],
    ['a type from another system', `patient=${PROFILE}&type=http://snomed.info/sct|123`, /Système de codes inconnu/],
    ['two types at once', `patient=${PROFILE}&type=11488-4,11502-2`, /qu’une valeur/],
    ['an impossible date', `patient=${PROFILE}&date=ge2026-02-30`, /Date de recherche invalide/],
    ['an unsupported date prefix', `patient=${PROFILE}&date=sa2026-01-01`, /Date de recherche invalide/],
    ['an unknown status', `patient=${PROFILE}&status=entered-in-error`, /status/],
    ['_count out of range', `patient=${PROFILE}&_count=500`, /_count/],
    ['an unknown parameter', `patient=${PROFILE}&author=x`, /non pris en charge/],
    ['a repeated single parameter', `patient=${PROFILE}&type=11488-4&type=11502-2`, /qu’une fois/],
  ])('400 for %s', async (_, search, message) => {
    const error = await refusal(() => q(search));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expectValidFhir(operationOutcome(error.issues));
  });
});

describe('DocumentReference to deposit', () => {
  const resource = (over: Record<string, unknown> = {}, attachment: Record<string, unknown> = {}) => ({
    resourceType: 'DocumentReference', status: 'current', masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.250.1.999.7' },
    type: { coding: [{ system: LOINC, code: '11502-2' }] }, subject: { reference: `Patient/${PROFILE}` },
    context: { period: { start: '2026-11-20' } },
    content: [{ attachment: { contentType: 'application/pdf', data: PDF.toString('base64'), title: 'Bilan sanguin', ...attachment } }],
    ...over,
  });

  test('PRO-8, DOC-12, DOC-14: the use case’s input; no securityLabel → no flag given (a replacement keeps them)', async () => {
    const r = await depositFromResource(resource({}, { hash: createHash('sha1').update(PDF).digest('base64'), size: PDF.length }));
    expect(r.flagsGiven).toBe(false);
    expect(r.replaces).toBeUndefined();
    expect(r.input).toMatchObject({ profileId: PROFILE, title: 'Bilan sanguin', typeCode: '11502-2', documentDate: '2026-11-20',
      uniqueId: 'urn:oid:1.2.250.1.999.7', masquePs: false, invisiblePatient: false, invisibleRepresentatives: false });
    expect(r.input.file.bytes.equals(PDF)).toBe(true);
  });

  test('VIS-1: security labels set the flags (v3 N means nothing more); DOC-11: relatesTo replaces; a CDA is accepted as XML', async () => {
    const r = await depositFromResource(resource({
      securityLabel: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N' }] },
        { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: 'INVISIBLE_PATIENT' }] }],
      relatesTo: [{ code: 'replaces', target: { reference: `DocumentReference/${OLD}` } }],
    }, { contentType: 'text/xml', data: CDA.toString('base64') }));
    expect(r).toMatchObject({ flagsGiven: true, replaces: OLD, input: { invisiblePatient: true, masquePs: false } });
  });

  test('the title falls back to the description, then to the LOINC label', async () => {
    const r = await depositFromResource(resource({ description: undefined }, { title: undefined }));
    expect(r.input.title).toBe('CR de biologie');
  });

  test('every problem of the resource is listed at once, with its element (422)', async () => {
    const error = await refusal(() => depositFromResource(resource({
      subject: { reference: 'Patient/42' }, type: { coding: [{ system: 'http://snomed.info/sct', code: '1' }] },
      securityLabel: [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: 'SECRET' }] }],
      relatesTo: [{ code: 'appends', target: { reference: `DocumentReference/${OLD}` } }],
    }, { hash: 'AAAA', size: 3 })));
    expect(error.status).toBe(422);
    expect(error.issues.map((i) => i.expression)).toEqual([
      'DocumentReference.subject', 'DocumentReference.type', 'DocumentReference.securityLabel[0]', 'DocumentReference.relatesTo[0]',
      'DocumentReference.content[0].attachment.size', 'DocumentReference.content[0].attachment.hash',
    ]);
    expectValidFhir(operationOutcome(error.issues));
  });

  test.each([
    ['no content', { content: [] }, {}, /exactement un contenu/],
    ['no type', { type: undefined }, {}, /type du document/],
    ['a unique id that is not a string', { masterIdentifier: { value: 42 } }, {}, /Valeur de type string attendue/],
    ['a type outside the LOINC list', { type: { coding: [{ system: LOINC, code: '00000-0' }] } }, {}, /code LOINC de la liste/],
    ['content that is not base64', {}, { data: 'pas du base64 !' }, /base64/],
    ['a file that is neither PDF nor CDA', {}, { data: Buffer.from('hello').toString('base64'), contentType: 'text/plain' }, /ni un PDF ni un document CDA/],
    ['a declared type that lies', {}, { contentType: 'image/png' }, /ne correspond pas au contenu/],
    ['an attachment URL outside a transaction', {}, { data: undefined, url: 'https://ailleurs.test/doc.pdf' }, /attachment.data/],
    ['a status other than current', { status: 'superseded' }, {}, /statut current/],
    ['a document date in another format', { context: { period: { start: '28/11/2026' } } }, {}, /attendu AAAA-MM-JJ/],
    ['an impossible document date', { context: { period: { start: '2026-02-30' } } }, {}, /Date du document invalide/],
  ])('422 for %s', async (_, over, attachment, message) => {
    const error = await refusal(() => depositFromResource(resource(over, attachment)));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(message);
  });
});

describe('transaction Bundle', () => {
  const doc = (attachment: Record<string, unknown>, code = '11488-4') => ({
    resourceType: 'DocumentReference', type: { coding: [{ system: LOINC, code }] }, subject: { reference: `Patient/${PROFILE}` },
    content: [{ attachment: { title: 'CR', ...attachment } }],
  });
  const entry = (resource: Record<string, unknown>, fullUrl?: string) =>
    ({ ...(fullUrl ? { fullUrl } : {}), resource, request: { method: 'POST', url: resource.resourceType } });
  const bundle = (...entry: unknown[]) => ({ resourceType: 'Bundle', type: 'transaction', entry });

  test('a DocumentReference takes its file inline or from a Binary entry by fullUrl; the Binary answers with the document', async () => {
    const plan = await planTransaction(bundle(
      entry({ resourceType: 'Binary', contentType: 'application/pdf', data: PDF.toString('base64') }, 'urn:uuid:b1'),
      entry(doc({ url: 'urn:uuid:b1' })),
      entry(doc({ contentType: 'application/pdf', data: PDF.toString('base64') }, '11502-2')),
    ));
    expect(plan.deposits.map((d) => [d.index, d.request.input.typeCode, d.request.input.file.bytes.equals(PDF)])).toEqual([[1, '11488-4', true], [2, '11502-2', true]]);
    expect(plan.usedBy.get('urn:uuid:b1')).toBe(1);
  });

  test.each([
    ['not a Bundle', { resourceType: 'DocumentReference' }, 400, /Bundle/],
    ['a batch', { resourceType: 'Bundle', type: 'batch', entry: [] }, 400, /transaction/],
    ['an empty transaction', bundle(), 400, /aucune entrée/],
    ['an update inside', bundle({ resource: doc({}), request: { method: 'PUT', url: 'DocumentReference/x' } }), 400, /création/],
    ['another resource type', bundle(entry({ resourceType: 'Observation' })), 400, /que des DocumentReference/],
  ])('%s → %s', async (_, body, status, message) => {
    const error = await refusal(() => planTransaction(body));
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  test('all-or-nothing validation: the problems of every entry in one 422, an orphan Binary too', async () => {
    const error = await refusal(() => planTransaction(bundle(
      entry({ resourceType: 'Binary', contentType: 'application/pdf', data: PDF.toString('base64') }, 'urn:uuid:orphan'),
      entry(doc({ data: PDF.toString('base64') })),
      entry(doc({ data: 'pas du base64 !' })),
      entry(doc({ url: 'urn:uuid:absent' })),
    )));
    expect(error.status).toBe(422);
    expect(error.issues.map((i) => i.expression)).toEqual(['Bundle.entry[0]', 'Bundle.entry[2].resource.content[0].attachment.data',
      'Bundle.entry[3].resource.content[0].attachment.url']);
  });
});

describe('errors as OperationOutcome', () => {
  test.each([
    ['unknown document', new NotFoundError('Document'), 404, 'not-found'],
    ['unknown INS', new InsUnknownError(), 404, 'not-found'],
    ['policy refusal', new AccessDeniedError('professionnel bloqué par le patient.'), 403, 'forbidden'],
    ['ID-8 identity mismatch', new InsMismatchError(['date de naissance']), 422, 'business-rule'],
    ['VIS-10 both flags', new FlagsConflictError(), 422, 'business-rule'],
    ['DOC-12 unique id taken', new UniqueIdTakenError(), 409, 'duplicate'],
    ['DOC-11 concurrent replacement', new ValidationError('document.already-replaced', 'Ce document vient d’être remplacé.'), 409, 'conflict'],
    ['other validation', new ValidationError('document.pro-format', 'Pas un PDF.', 'fichier'), 422, 'invalid'],
    ['other business rule', new DomainError('x.y', 'Règle.'), 422, 'business-rule'],
    ['no bearer', new ApiAuthError('jeton-absent', 'Jeton absent.'), 401, 'login'],
    ['facility header from a practice software', new ApiAuthError('logiciel-sans-etablissement', 'Pas un établissement.', 403), 403, 'forbidden'],
    ['PSC down', new ApiAuthError('psc-indisponible', 'PSC ne répond pas.', 503), 503, 'transient'],
    ['malformed request', new FhirRequestError(415, { code: 'not-supported', diagnostics: 'JSON FHIR attendu.' }), 415, 'not-supported'],
  ])('%s → %s %s, French diagnostics', (_, error, status, code) => {
    const answer = fhirErrorOf(error)!;
    expect(answer.status).toBe(status);
    expect(answer.outcome.issue[0]).toMatchObject({ severity: 'error', code, diagnostics: error.message });
    expectValidFhir(answer.outcome);
  });

  test('401 carries the Bearer challenge; a field names the FHIR element; an unexpected error is not mapped (500 without detail)', () => {
    expect(fhirErrorOf(new ApiAuthError('jeton-expire', 'Expiré.'))!.headers).toEqual({ 'www-authenticate': 'Bearer realm="mon-espace-sante", error="invalid_token"' });
    expect(fhirErrorOf(new UniqueIdTakenError())!.outcome.issue[0]!.expression).toEqual(['DocumentReference.masterIdentifier']);
    expect(fhirErrorOf(new TypeError('boom'))).toBeUndefined();
  });
});

describe('other resources', () => {
  test('searchset with total and next link; transaction-response; Binary; CapabilityStatement', () => {
    const s = searchset({ self: `${BASE}/DocumentReference?patient=${PROFILE}`, next: `${BASE}/DocumentReference?patient=${PROFILE}&_cursor=x`, total: 3,
      entries: [{ fullUrl: `${BASE}/DocumentReference/${DOC}`, resource: toDocumentReference(row(), BASE) }] });
    expectValidFhir(s);
    expect(s.link!.map((l) => l.relation)).toEqual(['self', 'next']);
    expect(s.entry![0]!.search!.mode).toBe('match');
    expectValidFhir(searchset({ self: BASE, total: 0, entries: [] }));
    const t = transactionResponse([{ status: '201 Created', location: `DocumentReference/${DOC}` }, { status: '200 OK', location: `Binary/${DOC}` }]);
    expectValidFhir(t);
    expect(t.type).toBe('transaction-response');
    const b = toBinary(DOC, 'application/pdf', PDF);
    expectValidFhir(b);
    expect(Buffer.from(b.data!, 'base64').equals(PDF)).toBe(true);
    const cs = capabilityStatement(BASE);
    expectValidFhir(cs);
    expect(cs.rest![0]!.resource!.map((r) => [r.type, r.interaction!.map((i) => i.code)])).toEqual([
      ['Patient', ['read', 'search-type']], ['DocumentReference', ['read', 'search-type', 'create', 'delete']], ['Binary', ['read']],
      ['Communication', ['read', 'search-type', 'create']]]);
  });

  test('the validator itself refuses a wrong resource', () => {
    expect(() => expectValidFhir({ ...toDocumentReference(row(), BASE), status: 'archived' })).toThrow(/DocumentReference/);
    expect(() => expectValidFhir({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: { resourceType: 'Patient', gender: 'x' } }] })).toThrow();
    expect(() => expectValidFhir({ hello: 1 })).toThrow(/resourceType/);
  });

  test('Binary: the FHIR resource only when asked for (Accept or _format), raw bytes otherwise', () => {
    expect(wantsBinaryResource('application/fhir+json', null)).toBe(true);
    expect(wantsBinaryResource('application/json;q=0.9', null)).toBe(true);
    expect(wantsBinaryResource('*/*', null)).toBe(false);
    expect(wantsBinaryResource(null, null)).toBe(false);
    expect(wantsBinaryResource('*/*', 'json')).toBe(true);
    expect(wantsBinaryResource('application/fhir+json', 'application/pdf')).toBe(false);
  });

  test('bench mode: the audit skip needs BOTH the server flag and the header', () => {
    const h = new Headers({ 'x-bench-skip-audit': '1' });
    expect(benchSkipAudit(h, { MES_BENCH_MODE: '1' })).toBe(true);
    expect(benchSkipAudit(h, {})).toBe(false);
    expect(benchSkipAudit(new Headers(), { MES_BENCH_MODE: '1' })).toBe(false);
  });
});
