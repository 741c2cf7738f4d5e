import type { R4 } from '@ahryman40k/ts-fhir-types';
import { typeLabel } from '@/lib/access-matrix/professions';
import { categoryLabel } from '@/lib/documents/categories';
import type { ProDocument, ProDocumentFilters } from '@/lib/professional-access/patient-documents';
import { FhirRequestError } from './errors';
import { dateRange, pageSize, singleParams, tokenCode } from './search-params';
import {
  CATEGORY_SYSTEM, CONFIDENTIALITY_CODES, CONFIDENTIALITY_SYSTEM, LOINC, URI_SYSTEM, V3_CONFIDENTIALITY, type ConfidentialityCode,
} from './systems';

/** The document metadata a professional may read (as the professional use cases return it). */
export type DocumentRow = Pick<ProDocument, 'id' | 'profile_id' | 'unique_id' | 'title' | 'category' | 'type_code' | 'document_date'
  | 'mime_type' | 'size_bytes' | 'sha1' | 'author_label' | 'status' | 'replaces_id' | 'masque_ps' | 'invisible_patient'
  | 'invisible_representants_legaux' | 'created_at'>;

const STATUS: Record<DocumentRow['status'], string> = { ACTIVE: 'current', OBSOLETE: 'superseded', DELETED: 'entered-in-error' };

/** VIS-1: the flags as security labels (DMP codes), after the v3 "N" every document carries. */
function securityLabels(d: DocumentRow): R4.ICodeableConcept[] {
  const flags: Record<ConfidentialityCode, boolean> = {
    MASQUE_PS: d.masque_ps, INVISIBLE_PATIENT: d.invisible_patient, INVISIBLE_REP_LEGAUX: d.invisible_representants_legaux,
  };
  return [
    { coding: [{ system: V3_CONFIDENTIALITY, code: 'N', display: 'normal' }] },
    ...(Object.keys(flags) as ConfidentialityCode[]).filter((c) => flags[c])
      .map((code) => ({ coding: [{ system: CONFIDENTIALITY_SYSTEM, code, display: CONFIDENTIALITY_CODES[code].display }] })),
  ];
}

/**
 * A DocumentReference (IHE MHD / DMP PDSm style); pure. `base` is the API's absolute URL: the file is
 * `Binary/{id}` there. DOC-13: the attachment hash is the base64 SHA-1 (stored as hex).
 */
export function toDocumentReference(d: DocumentRow, base: string): R4.IDocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: d.id,
    masterIdentifier: d.unique_id.startsWith('urn:') ? { system: URI_SYSTEM, value: d.unique_id } : { value: d.unique_id },
    identifier: [{ system: URI_SYSTEM, value: `urn:uuid:${d.id}` }],
    status: STATUS[d.status] as R4.DocumentReferenceStatusKind,
    ...(d.type_code ? { type: { coding: [{ system: LOINC, code: d.type_code, display: typeLabel(d.type_code) }] } } : {}),
    category: [{ coding: [{ system: CATEGORY_SYSTEM, code: d.category, display: categoryLabel(d.category) }] }],
    subject: { reference: `Patient/${d.profile_id}` },
    date: d.created_at.toISOString(),
    author: [{ display: d.author_label }],
    description: d.title,
    securityLabel: securityLabels(d),
    content: [{ attachment: {
      contentType: d.mime_type, language: 'fr-FR', url: `${base}/Binary/${d.id}`, size: d.size_bytes,
      hash: Buffer.from(d.sha1, 'hex').toString('base64'), title: d.title,
      ...(d.document_date ? { creation: d.document_date } : {}),
    } }],
    ...(d.document_date ? { context: { period: { start: d.document_date } } } : {}),
    ...(d.replaces_id ? { relatesTo: [{ code: 'replaces' as R4.DocumentReference_RelatesToCodeKind, target: { reference: `DocumentReference/${d.replaces_id}` } }] } : {}),
  };
}

const PATIENT_REFERENCE = /^(?:(?:https?:\/\/[^?#\s]+\/)?Patient\/)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** `Patient/{id}`, a bare id or an absolute `…/Patient/{id}`: the profile id, or undefined. */
export const patientIdOf = (reference: string): string | undefined => PATIENT_REFERENCE.exec(reference.trim())?.[1];

export type DocumentSearch = { profileId: string; filters: ProDocumentFilters; supersededOnly: boolean };

/**
 * `DocumentReference?patient=&category=&type=&date=&status=&_count=&_cursor=` as the professional list's
 * filters (pure). `patient` is required; `status` is `current` (default), `superseded`, or both
 * (`current,superseded`); `date` filters the document's date (its deposit date when it has none).
 */
export function parseDocumentSearch(params: URLSearchParams, maxCount: number): DocumentSearch {
  const one = singleParams(params, ['patient', 'category', 'type', 'status', '_count', '_cursor'], ['date']);
  if (!one.patient) throw new FhirRequestError(400, { code: 'required', diagnostics: 'Le paramètre patient (Patient/{id}) est obligatoire.', expression: 'patient' });
  const profileId = patientIdOf(one.patient);
  if (!profileId) throw new FhirRequestError(400, { code: 'invalid', diagnostics: 'Le paramètre patient doit être Patient/{id} (id obtenu par la recherche par INS).', expression: 'patient' });
  const statuses = new Set((one.status ?? 'current').split(',').map((s) => s.trim()));
  if ([...statuses].some((s) => s !== 'current' && s !== 'superseded')) {
    throw new FhirRequestError(400, { code: 'not-supported', diagnostics: 'status accepte current, superseded ou current,superseded.', expression: 'status' });
  }
  const filters: ProDocumentFilters = {
    ...(one.category ? { category: tokenCode(one.category, CATEGORY_SYSTEM, 'category') } : {}),
    ...(one.type ? { typeCode: tokenCode(one.type, LOINC, 'type') } : {}),
    ...dateRange(params.getAll('date')),
    status: statuses.has('superseded') ? 'all' : 'current',
    ...(one._cursor ? { after: one._cursor } : {}),
  };
  const limit = pageSize(one._count, maxCount);
  if (limit) filters.limit = limit;
  return { profileId, filters, supersededOnly: !statuses.has('current') };
}
