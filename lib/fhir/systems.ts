/**
 * The identifiers, code systems and extensions the FHIR API speaks (modelled on the DMP's PDSm and IHE
 * MHD). URLs under `mon-espace-sante.example` are ours; the others are the published ones.
 */

/** Where the API lives, under the application's origin. */
export const FHIR_BASE_PATH = '/api/fhir/r4';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** ID-6: INS-NIR and INS-NIA OIDs. */
export const INS_NIR_OID = '1.2.250.1.213.1.4.8';
export const INS_NIA_OID = '1.2.250.1.213.1.4.9';
export const INS_SYSTEMS = [`urn:oid:${INS_NIR_OID}`, `urn:oid:${INS_NIA_OID}`] as const;

export const LOINC = 'http://loinc.org';
export const URI_SYSTEM = 'urn:ietf:rfc:3986';
const OURS = 'https://mon-espace-sante.example/fhir';

/** DOC-1 categories (the same CodeSystem URL as the CLO-12 export's). */
export const CATEGORY_SYSTEM = `${OURS}/CodeSystem/categorie-document`;

/** VIS-1: the three flags, as the DMP names them in its confidentiality codes. */
export const CONFIDENTIALITY_SYSTEM = `${OURS}/CodeSystem/confidentialite-document`;
export const CONFIDENTIALITY_CODES = {
  MASQUE_PS: { flag: 'masquePs', display: 'Masqué aux professionnels de santé' },
  INVISIBLE_PATIENT: { flag: 'invisiblePatient', display: 'Non visible par le patient' },
  INVISIBLE_REP_LEGAUX: { flag: 'invisibleRepresentatives', display: 'Non visible par les représentants légaux' },
} as const;
export type ConfidentialityCode = keyof typeof CONFIDENTIALITY_CODES;
/** HL7 v3 Confidentiality: every document is at least "N" (normal), as in the DMP's metadata. */
export const V3_CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/** PRO-3: the access check's answer, carried by the Patient (one complex extension). */
export const ACCESS_CHECK_EXTENSION = `${OURS}/StructureDefinition/verification-acces`;

/** ID-6: birthplace as an INSEE COG code (FR Core's address extension inside the core birthPlace one). */
export const BIRTHPLACE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace';
export const INSEE_CODE_EXTENSION = 'https://hl7.fr/ig/fhir/core/StructureDefinition/fr-core-address-insee-code';
export const INSEE_COG_SYSTEM = 'https://mos.esante.gouv.fr/NOS/TRE_R13-CommuneOM/FHIR/TRE-R13-CommuneOM';

/** Custom search parameter of Patient: the birthplace's COG code (ID-8 needs it). */
export const BIRTHPLACE_SEARCH_PARAMETER = `${OURS}/SearchParameter/Patient-birthplace`;
