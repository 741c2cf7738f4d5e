import { R4 } from '@ahryman40k/ts-fhir-types';
import type { Db } from '@/db/client';
import { VACCINATION_TYPES, type VaccinationType } from '@/lib/medical-profile/vocabulary';
import type { ExportResource } from './fhir-bundle';

type Payload = Record<string, unknown>;
const str = (p: Payload, k: string) => (typeof p[k] === 'string' && p[k] ? (p[k] as string) : undefined);
const CIP = 'urn:oid:1.2.250.1.213.2.3.1'; // ANS: CIP13 codes of medicines
const CONTACT_TYPE_SYSTEM = 'https://mon-espace-sante.example/fhir/CodeSystem/type-contact';

/**
 * CLO-12: the profil médical (PRF-1) as FHIR R4 resources of the export's Bundle. One entry, one
 * resource: allergies → AllergyIntolerance, diseases → Condition, vaccinations → Immunization,
 * treatments → MedicationStatement, hospitalisations → Encounter, blood group → Observation (LOINC
 * 882-1), contacts → RelatedPerson. The other sections stay in the synthesis document.
 */
export function medicalResource(entry: { id: string; kind: string; payload: Payload; created_at: Date }, patientRef: string): ExportResource | undefined {
  const p = entry.payload;
  const subject = { reference: patientRef };
  switch (entry.kind) {
    case 'ALLERGY':
      return { resourceType: 'AllergyIntolerance', id: entry.id, patient: subject, code: { text: str(p, 'name') },
        ...(str(p, 'since') && { onsetDateTime: str(p, 'since') }),
        ...(str(p, 'reaction') && { reaction: [{ manifestation: [{ text: str(p, 'reaction') }] }] }) };
    case 'CONDITION':
      return { resourceType: 'Condition', id: entry.id, subject, code: { text: str(p, 'name') },
        ...(str(p, 'since') && { onsetDateTime: str(p, 'since') }), ...(str(p, 'notes') && { note: [{ text: str(p, 'notes')! }] }) };
    case 'VACCINATION':
      return { resourceType: 'Immunization', id: entry.id, status: 'completed', patient: subject, occurrenceDateTime: str(p, 'date'),
        vaccineCode: { text: str(p, 'vaccine'), ...(str(p, 'cip13') && { coding: [{ system: CIP, code: str(p, 'cip13') }] }) },
        ...(str(p, 'batch') && { lotNumber: str(p, 'batch') }),
        ...(str(p, 'type') && { note: [{ text: VACCINATION_TYPES[str(p, 'type') as VaccinationType] ?? str(p, 'type')! }] }) };
    case 'TREATMENT':
      return { resourceType: 'MedicationStatement', id: entry.id, status: str(p, 'endDate') && str(p, 'endDate')! < new Date().toISOString().slice(0, 10) ? 'completed' : 'active',
        subject, medicationCodeableConcept: { text: str(p, 'name'), ...(str(p, 'cip13') && { coding: [{ system: CIP, code: str(p, 'cip13') }] }) },
        ...((str(p, 'startDate') || str(p, 'endDate')) && { effectivePeriod: { ...(str(p, 'startDate') && { start: str(p, 'startDate') }), ...(str(p, 'endDate') && { end: str(p, 'endDate') }) } }),
        ...(str(p, 'dosage') && { dosage: [{ text: str(p, 'dosage') }] }) };
    case 'HOSPITALISATION':
      return { resourceType: 'Encounter', id: entry.id, status: R4.EncounterStatusKind._finished, subject,
        class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'hospitalisation' },
        reasonCode: [{ text: str(p, 'reason') }],
        period: { start: str(p, 'startDate'), ...(str(p, 'endDate') && { end: str(p, 'endDate') }) },
        ...(str(p, 'facility') && { serviceProvider: { display: str(p, 'facility') } }) };
    case 'BLOOD_GROUP':
      return { resourceType: 'Observation', id: entry.id, status: R4.ObservationStatusKind._final, subject,
        code: { coding: [{ system: 'http://loinc.org', code: '882-1', display: 'ABO and Rh group' }], text: 'Groupe sanguin' },
        valueCodeableConcept: { text: str(p, 'group') }, effectiveDateTime: entry.created_at.toISOString() };
    case 'CONTACT':
      return { resourceType: 'RelatedPerson', id: entry.id, patient: subject,
        name: [{ family: str(p, 'lastName'), given: [str(p, 'firstName') ?? ''] }],
        relationship: [{ coding: [{ system: CONTACT_TYPE_SYSTEM, code: str(p, 'type') }], ...(str(p, 'relationship') && { text: str(p, 'relationship') }) }],
        telecom: [
          ...(str(p, 'phone') ? [{ system: R4.ContactPointSystemKind._phone, value: str(p, 'phone') }] : []),
          ...(str(p, 'email') ? [{ system: R4.ContactPointSystemKind._email, value: str(p, 'email') }] : []),
        ] };
    default:
      return undefined;
  }
}

/** The profile's profil médical entries, mapped (entries of other kinds are left out). */
export async function medicalResources(db: Db, profileId: string, patientRef: string): Promise<ExportResource[]> {
  const entries = await db.selectFrom('medical_entries').select(['id', 'kind', 'payload', 'created_at'])
    .where('profile_id', '=', profileId).orderBy('seq').execute();
  return entries.flatMap((e) => medicalResource({ ...e, payload: e.payload as Payload }, patientRef) ?? []);
}
