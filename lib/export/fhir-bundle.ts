import { R4 } from '@ahryman40k/ts-fhir-types';
import { categoryLabel } from '@/lib/documents/categories';
import { MEASURE_TYPES } from '@/lib/measures/measure-types';

/**
 * CLO-12: the structured data of a profile as ONE FHIR R4 Bundle (type "collection"). Pure: the
 * job loads the rows and hands them here; each section maps to its FHIR resource. The Bundle is
 * validated against the R4 types at runtime before it is written (see build-export.ts).
 */
export type ExportPatient = { id: string; nir: string; birthName: string; firstNames: string; birthDate: string; sex: number; email: string | null };
export type ExportDocument = {
  id: string; uniqueId: string; title: string; category: string; typeCode: string | null; documentDate: string | null; createdAt: Date;
  status: 'ACTIVE' | 'DELETED' | 'OBSOLETE'; mime: string; size: number; sha1Hex: string; authorLabel: string; path: string | null;
};
export type ExportMeasure = { id: string; type: string; value: number; value2: number | null; unit: string; effectiveAt: Date; source: string };
/** Profil médical entries, already mapped by their section (see medical-resources.ts when present). */
export type ExportResource = R4.IAllergyIntolerance | R4.ICondition | R4.IImmunization | R4.IMedicationStatement | R4.IObservation
  | R4.IRelatedPerson | R4.IPractitioner | R4.IProcedure | R4.IEncounter | R4.IExplanationOfBenefit;

const INS_NIR = 'urn:oid:1.2.250.1.213.1.4.8'; // ANS: INS-NIR identifier system
const LOINC = 'http://loinc.org';
const UCUM = 'http://unitsofmeasure.org';
const CATEGORY_SYSTEM = 'https://mon-espace-sante.example/fhir/CodeSystem/categorie-document';
const UCUM_OF: Record<string, string> = { kg: 'kg', cm: 'cm', '°C': 'Cel', mmHg: 'mm[Hg]', '/min': '/min', 'g/L': 'g/L', '%': '%', pas: '/d', '0–10': '{score}' };

const urn = (id: string) => `urn:uuid:${id}`;

function patient(p: ExportPatient): R4.IPatient {
  return {
    resourceType: 'Patient', id: p.id,
    identifier: [{ system: INS_NIR, value: p.nir }],
    name: [{ use: R4.HumanNameUseKind._official, family: p.birthName, given: p.firstNames.split(' ').filter(Boolean) }],
    gender: p.sex === 1 ? R4.PatientGenderKind._male : R4.PatientGenderKind._female,
    birthDate: p.birthDate,
    ...(p.email && { telecom: [{ system: R4.ContactPointSystemKind._email, value: p.email }] }),
  };
}

function documentReference(d: ExportDocument, patientId: string): R4.IDocumentReference {
  return {
    resourceType: 'DocumentReference', id: d.id,
    masterIdentifier: { value: d.uniqueId },
    status: d.status === 'ACTIVE' ? R4.DocumentReferenceStatusKind._current
      : d.status === 'OBSOLETE' ? R4.DocumentReferenceStatusKind._superseded : R4.DocumentReferenceStatusKind._enteredInError,
    ...(d.typeCode && { type: { coding: [{ system: LOINC, code: d.typeCode }] } }),
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: d.category, display: categoryLabel(d.category) }] }],
    subject: { reference: urn(patientId) },
    date: d.createdAt.toISOString(),
    author: [{ display: d.authorLabel }],
    description: d.title,
    content: [{ attachment: {
      contentType: d.mime, size: d.size, title: d.title,
      // FHIR's attachment hash is the base64 SHA-1 of the data (DOC-13 keeps it for this).
      hash: Buffer.from(d.sha1Hex, 'hex').toString('base64'),
      ...(d.path && { url: d.path }),
      ...(d.documentDate && { creation: d.documentDate }),
    } }],
  };
}

function observation(m: ExportMeasure, patientId: string): R4.IObservation {
  const type = MEASURE_TYPES.find((t) => t.code === m.type);
  const quantity = (value: number) => ({ value, unit: m.unit, system: UCUM, code: UCUM_OF[m.unit] ?? m.unit });
  const code = type?.loinc && /^\d+-\d$/.test(type.loinc) ? { coding: [{ system: LOINC, code: type.loinc, display: type.label }], text: type.label }
    : { text: type?.label ?? m.type };
  const base: R4.IObservation = {
    resourceType: 'Observation', id: m.id, status: R4.ObservationStatusKind._final,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code, subject: { reference: urn(patientId) }, effectiveDateTime: m.effectiveAt.toISOString(),
  };
  if (m.value2 === null) return { ...base, valueQuantity: quantity(m.value) };
  const [systolic, diastolic] = type?.components ?? [];
  return { ...base, component: [
    { code: { coding: [{ system: LOINC, code: systolic?.loinc ?? '8480-6' }], text: 'Pression systolique' }, valueQuantity: quantity(m.value) },
    { code: { coding: [{ system: LOINC, code: diastolic?.loinc ?? '8462-4' }], text: 'Pression diastolique' }, valueQuantity: quantity(m.value2) },
  ] };
}

export function buildBundle(input: { patient: ExportPatient; documents: ExportDocument[]; measures: ExportMeasure[]; resources?: ExportResource[]; at: Date }): R4.IBundle {
  const resources: R4.IResourceList[] = [
    patient(input.patient),
    ...input.documents.map((d) => documentReference(d, input.patient.id)),
    ...input.measures.map((m) => observation(m, input.patient.id)),
    ...(input.resources ?? []),
  ];
  return {
    resourceType: 'Bundle', type: R4.BundleTypeKind._collection, timestamp: input.at.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: urn((resource as { id?: string }).id ?? crypto.randomUUID()), resource })),
  };
}
