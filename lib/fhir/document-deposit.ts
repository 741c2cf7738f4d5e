import { createHash } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '@/lib/errors';
import { depositSchema, type DepositInput } from '@/lib/professional-access/deposit-document';
import { checkProfessionalFile } from '@/lib/professional-access/professional-file';
import { typeLabel } from '@/lib/access-matrix/professions';
import { patientIdOf } from './document-reference';
import { FhirRequestError } from './errors';
import type { Issue } from './operation-outcome';
import { CONFIDENTIALITY_CODES, CONFIDENTIALITY_SYSTEM, LOINC, V3_CONFIDENTIALITY, type ConfidentialityCode } from './systems';

/** What a DocumentReference asks: a deposit, or (DOC-11) the replacement of `replaces`. */
export type DepositRequest = {
  input: DepositInput;
  replaces?: string;
  /** False when the resource carried no securityLabel: a replacement then keeps the old flags (DOC-11). */
  flagsGiven: boolean;
};

/** A Binary of the same transaction Bundle, by its fullUrl. */
export type InlineBinary = { contentType?: string; data?: string };

const coding = z.object({ system: z.string().optional(), code: z.string().optional() });
const shape = z.object({
  masterIdentifier: z.object({ value: z.string().optional() }).optional(),
  status: z.string().optional(),
  type: z.object({ coding: z.array(coding).optional() }, 'Le type du document (code LOINC) est obligatoire.'),
  subject: z.object({ reference: z.string() }, 'Le patient (subject: Patient/{id}) est obligatoire.'),
  date: z.string().optional(),
  description: z.string().optional(),
  securityLabel: z.array(z.object({ coding: z.array(coding).optional() })).optional(),
  context: z.object({ period: z.object({ start: z.string().optional() }).optional() }).optional(),
  content: z.array(z.object({ attachment: z.object({
    contentType: z.string().optional(), data: z.string().optional(), url: z.string().optional(), title: z.string().optional(),
    hash: z.string().optional(), size: z.number().optional(), creation: z.string().optional(),
  }) }), 'Le contenu (content[0].attachment) est obligatoire.').length(1, 'Un dépôt porte exactement un contenu (content).'),
  relatesTo: z.array(z.object({ code: z.string(), target: z.object({ reference: z.string() }) })).max(1, 'Un dépôt remplace au plus un document.').optional(),
});

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DOCUMENT_REFERENCE = /^(?:(?:https?:\/\/[^?#\s]+\/)?DocumentReference\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const XML_TYPE = /^(?:text|application)\/(?:[a-z0-9.+-]+\+)?xml$/i;

/** VIS-1: security labels → the three flags. v3 "N" is accepted and means nothing more; any other code is refused. */
function flagsOf(labels: z.infer<typeof shape>['securityLabel'], at: string, issues: Issue[]) {
  const flags = { masquePs: false, invisiblePatient: false, invisibleRepresentatives: false };
  for (const [i, label] of (labels ?? []).entries()) {
    for (const c of label.coding ?? []) {
      if (c.system === CONFIDENTIALITY_SYSTEM && c.code && Object.hasOwn(CONFIDENTIALITY_CODES, c.code)) {
        flags[CONFIDENTIALITY_CODES[c.code as ConfidentialityCode].flag] = true;
      } else if (!(c.system === V3_CONFIDENTIALITY && c.code === 'N')) {
        issues.push({ code: 'code-invalid', expression: `${at}.securityLabel[${i}]`,
          diagnostics: `Libellé de confidentialité inconnu (${c.system ?? '?'}|${c.code ?? '?'}) : seuls ${Object.keys(CONFIDENTIALITY_CODES).join(', ')} (${CONFIDENTIALITY_SYSTEM}) sont pris en charge.` });
      }
    }
  }
  return flags;
}

/** The calendar date of a FHIR date or dateTime (its first 10 characters); undefined when it is not one. */
function dateOf(v: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(v);
  const d = m && new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d && d.toISOString().slice(0, 10) === v.slice(0, 10) ? v.slice(0, 10) : undefined;
}

/**
 * DOC-11..14, VIS-1..10, PRO-8: a DocumentReference to deposit, checked in full before anything is
 * written — shape, patient, LOINC type, flags, base64 content (inline, or a Binary of the same Bundle by
 * its fullUrl), declared hash/size/content type against the bytes, and the use case's own schema and
 * file check. Every problem is reported at once: FhirRequestError 422 listing them (`at` prefixes the
 * FHIRPath, e.g. `Bundle.entry[1].resource`). Rules needing the database (access, VIS-10 on the
 * profile, DOC-12) stay with the use case.
 */
export async function depositFromResource(resource: unknown, at = 'DocumentReference', binaries?: ReadonlyMap<string, InlineBinary>): Promise<DepositRequest> {
  const parsed = shape.safeParse(resource, { error: (i) => (i.code === 'invalid_type' ? `Valeur de type ${i.expected} attendue.` : undefined) });
  if (!parsed.success) {
    throw new FhirRequestError(422, parsed.error.issues.map((i) => ({ code: 'invalid' as const, diagnostics: i.message, expression: [at, ...i.path.map(String)].join('.') })));
  }
  const r = parsed.data;
  const issues: Issue[] = [];
  const profileId = patientIdOf(r.subject.reference);
  if (!profileId) issues.push({ code: 'invalid', diagnostics: 'subject doit désigner Patient/{id} (id obtenu par la recherche par INS).', expression: `${at}.subject` });
  const typeCode = r.type.coding?.find((c) => c.system === LOINC)?.code;
  if (!typeCode) issues.push({ code: 'required', diagnostics: `Le type du document doit être un code LOINC (système ${LOINC}).`, expression: `${at}.type` });
  if (r.status !== undefined && r.status !== 'current') issues.push({ code: 'invalid', diagnostics: 'Un document déposé a le statut current.', expression: `${at}.status` });
  const flags = flagsOf(r.securityLabel, at, issues);

  let replaces: string | undefined;
  const relation = r.relatesTo?.[0];
  if (relation) {
    replaces = relation.code === 'replaces' ? DOCUMENT_REFERENCE.exec(relation.target.reference.trim())?.[1] : undefined;
    if (!replaces) issues.push({ code: 'not-supported', expression: `${at}.relatesTo[0]`,
      diagnostics: 'Seul relatesTo { code: replaces, target: DocumentReference/{id} } est pris en charge (remplacement par son auteur, DOC-11).' });
  }

  const attachment = r.content[0]!.attachment;
  const where = `${at}.content[0].attachment`;
  let data = attachment.data;
  let contentType = attachment.contentType;
  if (attachment.url !== undefined && data === undefined) {
    const binary = binaries?.get(attachment.url);
    if (!binary) {
      issues.push({ code: 'not-supported', expression: `${where}.url`, diagnostics: binaries
        ? `attachment.url (${attachment.url}) ne désigne aucune entrée Binary de ce Bundle.`
        : 'Envoyez le fichier dans attachment.data (base64) ; attachment.url ne peut désigner qu’une entrée Binary d’un Bundle transaction.' });
    }
    data = binary?.data;
    contentType ??= binary?.contentType;
  }
  const compact = data?.replace(/\s+/g, '');
  let bytes: Buffer | undefined;
  if (compact === undefined) {
    if (!issues.some((i) => i.expression === `${where}.url`)) issues.push({ code: 'required', diagnostics: 'Le fichier (attachment.data, base64) est obligatoire.', expression: where });
  } else if (!BASE64.test(compact)) {
    issues.push({ code: 'invalid', diagnostics: 'attachment.data n’est pas du base64 valide.', expression: `${where}.data` });
  } else {
    bytes = Buffer.from(compact, 'base64');
    if (attachment.size !== undefined && attachment.size !== bytes.length) {
      issues.push({ code: 'invalid', diagnostics: `attachment.size (${attachment.size}) ne correspond pas au fichier (${bytes.length} octets).`, expression: `${where}.size` });
    }
    if (attachment.hash !== undefined && attachment.hash !== createHash('sha1').update(bytes).digest('base64')) {
      issues.push({ code: 'invalid', diagnostics: 'attachment.hash ne correspond pas au SHA-1 (base64) du fichier : le fichier a pu être altéré.', expression: `${where}.hash` });
    }
  }

  const title = attachment.title?.trim() || r.description?.trim() || (typeCode ? typeLabel(typeCode) : '');
  const givenDate = r.context?.period?.start ?? attachment.creation ?? r.date;
  const documentDate = givenDate === undefined ? null : dateOf(givenDate) ?? null;
  if (givenDate !== undefined && !documentDate) {
    issues.push({ code: 'invalid', diagnostics: `Date du document invalide (${givenDate.slice(0, 40)}) : attendu AAAA-MM-JJ.`, expression: `${at}.context.period.start` });
  }
  const fields = depositSchema.safeParse({ profileId: profileId ?? '', title, typeCode: typeCode ?? '', documentDate, uniqueId: r.masterIdentifier?.value, ...flags });
  if (!fields.success) {
    const paths: Record<string, string> = { title: `${where}.title`, typeCode: `${at}.type`, documentDate: `${at}.context.period.start`, uniqueId: `${at}.masterIdentifier` };
    for (const i of fields.error.issues) {
      const field = String(i.path[0]);
      if (field === 'profileId' && !profileId) continue; // already said
      if (field === 'typeCode' && !typeCode) continue;
      issues.push({ code: 'invalid', diagnostics: i.message, expression: paths[field] ?? at });
    }
  }
  if (bytes) {
    try {
      const { mime } = await checkProfessionalFile(title || 'document', bytes);
      const matches = mime === 'application/pdf' ? contentType === undefined || contentType === 'application/pdf' : contentType === undefined || XML_TYPE.test(contentType);
      if (!matches) issues.push({ code: 'invalid', diagnostics: `Le type déclaré (${contentType}) ne correspond pas au contenu (${mime === 'application/pdf' ? 'PDF' : 'CDA XML'}).`, expression: `${where}.contentType` });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      issues.push({ code: 'invalid', diagnostics: error.message, expression: where });
    }
  }
  if (issues.length) throw new FhirRequestError(422, issues);
  return {
    input: { ...fields.data!, file: { name: title, bytes: bytes! } },
    ...(replaces ? { replaces } : {}),
    flagsGiven: r.securityLabel !== undefined,
  };
}
