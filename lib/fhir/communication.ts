import type { R4 } from '@ahryman40k/ts-fhir-types';
import { z } from 'zod';
import type { ReplyOption } from '@/db/schema';
import type { IncomingFile } from '@/lib/messaging/attachments';
import type { ProMessage } from '@/lib/messaging/list-pro-messages';
import { isReplyOption, REPLY_OPTIONS } from '@/lib/messaging/rules';
import { patientIdOf } from './document-reference';
import { FhirRequestError } from './errors';
import type { Issue } from './operation-outcome';
import { pageSize, singleParams } from './search-params';

/**
 * Messagerie citoyenne (MSG-2..12) as FHIR R4 Communication. One Communication is one message; its
 * conversation is the extension `conversation` (and `inResponseTo` the previous message of it); MSG-4's
 * reply option is the extension `option-reponse` (valueCode). The rules stay in lib/messaging.
 */

/** MSG-2: the conversation a Communication (one message) belongs to (valueString: its id). */
export const CONVERSATION_EXTENSION = 'https://mon-espace-sante.example/fhir/StructureDefinition/conversation';
/** MSG-4: a professional message's reply option (valueCode REPLY, REPLY_TO_ALL, REPLY_BLOCKED, NO_REPLY, NEW_MESSAGE). */
export const REPLY_OPTION_EXTENSION = 'https://mon-espace-sante.example/fhir/StructureDefinition/option-reponse';

export type CommunicationRequest = {
  profileId: string;
  /** A message of one of this professional's conversations with the patient: the reply goes there. */
  inResponseTo?: string;
  subject: string;
  body: string;
  replyOption: ReplyOption;
  files: IncomingFile[];
};

/** Base64 without backtracking (attachments reach several MB): the alphabet, padding at the end, whole quanta. */
const isBase64 = (s: string) => s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s);
const COMMUNICATION_REFERENCE = /^(?:(?:https?:\/\/[^?#\s]+\/)?Communication\/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
/** DOC-2's formats: a file name from the declared type when the attachment has no title. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'text/plain': 'txt', 'application/rtf': 'rtf', 'text/rtf': 'rtf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/tiff': 'tif',
};

const shape = z.object({
  status: z.string().optional(),
  subject: z.object({ reference: z.string() }).optional(),
  recipient: z.array(z.object({ reference: z.string().optional() }), 'Le destinataire (recipient: Patient/{id}) est obligatoire.')
    .length(1, 'Un message a exactement un destinataire (recipient: Patient/{id}).'),
  topic: z.object({ text: z.string().optional() }, 'L’objet du message (topic.text) est obligatoire.'),
  inResponseTo: z.array(z.object({ reference: z.string() })).max(1, 'Un message répond à au plus un message (inResponseTo).').optional(),
  extension: z.array(z.object({ url: z.string(), valueCode: z.string().optional() }).passthrough()).optional(),
  payload: z.array(z.object({
    contentString: z.string().optional(),
    contentAttachment: z.object({ contentType: z.string().optional(), data: z.string().optional(), url: z.string().optional(), title: z.string().optional() }).optional(),
    contentReference: z.unknown().optional(),
  })).optional(),
});

/**
 * A Communication to send, checked for its shape (pure): recipient Patient/{id}, topic.text, payload of
 * texts and base64 attachments, inResponseTo, reply option. Every shape problem is reported at once
 * (422); the messaging rules themselves (subject length, `[FIN]`, DOC-2, 10 MB, MSG-12…) are the use case's.
 */
export function communicationFromResource(resource: unknown): CommunicationRequest {
  const parsed = shape.safeParse(resource, { error: (i) => (i.code === 'invalid_type' ? `Valeur de type ${i.expected} attendue.` : undefined) });
  if (!parsed.success) {
    throw new FhirRequestError(422, parsed.error.issues.map((i) => ({ code: 'invalid' as const, diagnostics: i.message, expression: ['Communication', ...i.path.map(String)].join('.') })));
  }
  const r = parsed.data;
  const issues: Issue[] = [];
  const profileId = patientIdOf(r.recipient[0]!.reference ?? '');
  if (!profileId) issues.push({ code: 'invalid', diagnostics: 'recipient doit désigner Patient/{id} (id obtenu par la recherche par INS).', expression: 'Communication.recipient[0]' });
  if (r.subject && profileId && patientIdOf(r.subject.reference) !== profileId) {
    issues.push({ code: 'invalid', diagnostics: 'subject, s’il est donné, doit désigner le même patient que recipient.', expression: 'Communication.subject' });
  }
  if (r.status !== undefined && r.status !== 'completed') issues.push({ code: 'invalid', diagnostics: 'Un message envoyé a le statut completed.', expression: 'Communication.status' });
  let inResponseTo: string | undefined;
  if (r.inResponseTo?.[0]) {
    inResponseTo = COMMUNICATION_REFERENCE.exec(r.inResponseTo[0].reference.trim())?.[1];
    if (!inResponseTo) issues.push({ code: 'invalid', diagnostics: 'inResponseTo doit désigner Communication/{id}, un message de la conversation.', expression: 'Communication.inResponseTo[0]' });
  }
  const option = r.extension?.filter((e) => e.url === REPLY_OPTION_EXTENSION) ?? [];
  const replyOption = option[0]?.valueCode ?? 'REPLY';
  if (option.length > 1 || !isReplyOption(replyOption)) {
    issues.push({ code: 'code-invalid', expression: 'Communication.extension',
      diagnostics: `Option de réponse (MSG-4) invalide : une seule extension ${REPLY_OPTION_EXTENSION}, valueCode parmi ${Object.keys(REPLY_OPTIONS).join(', ')}.` });
  }
  const texts: string[] = [];
  const files: IncomingFile[] = [];
  for (const [i, p] of (r.payload ?? []).entries()) {
    const at = `Communication.payload[${i}]`;
    const kinds = [p.contentString !== undefined, p.contentAttachment !== undefined, p.contentReference !== undefined].filter(Boolean).length;
    if (kinds !== 1 || p.contentReference !== undefined) {
      issues.push({ code: 'not-supported', expression: at, diagnostics: 'Chaque payload porte soit contentString (texte), soit contentAttachment (fichier en base64).' });
      continue;
    }
    if (p.contentString !== undefined) { texts.push(p.contentString); continue; }
    const a = p.contentAttachment!;
    const data = a.data?.replace(/\s+/g, '');
    if (data === undefined) {
      issues.push({ code: 'required', expression: `${at}.contentAttachment.data`, diagnostics: 'Le fichier (contentAttachment.data, base64) est obligatoire ; attachment.url n’est pas pris en charge.' });
    } else if (!isBase64(data)) {
      issues.push({ code: 'invalid', expression: `${at}.contentAttachment.data`, diagnostics: 'contentAttachment.data n’est pas du base64 valide.' });
    } else {
      const ext = a.contentType ? EXTENSIONS[a.contentType.split(';')[0]!.trim().toLowerCase()] : undefined;
      const name = a.title?.trim() || `piece-jointe-${files.length + 1}.${ext ?? 'bin'}`;
      files.push({ name, bytes: Buffer.from(data, 'base64') });
    }
  }
  if (issues.length) throw new FhirRequestError(422, issues);
  return { profileId: profileId!, inResponseTo, subject: r.topic.text ?? '', body: texts.join('\n\n'), replyOption: replyOption as ReplyOption, files };
}

/** `Communication?patient=Patient/{id}&_count&_cursor` (pure); `patient` is required. */
export function parseCommunicationSearch(params: URLSearchParams, max: number): { profileId: string; limit?: number; after?: string } {
  const one = singleParams(params, ['patient', 'subject', '_count', '_cursor'] as const);
  const reference = one.patient ?? one.subject;
  if (!reference) throw new FhirRequestError(400, { code: 'required', diagnostics: 'Le paramètre patient (Patient/{id}) est obligatoire.', expression: 'patient' });
  const profileId = patientIdOf(reference.includes('/') ? reference : `Patient/${reference}`);
  if (!profileId) throw new FhirRequestError(400, { code: 'invalid', diagnostics: 'Le paramètre patient doit être Patient/{id} (id obtenu par la recherche par INS).', expression: 'patient' });
  return { profileId, limit: pageSize(one._count, max), after: one._cursor };
}

const iso = (d: Date) => d.toISOString();

/** Where an attachment's bytes are read (raw, or a Binary with `Accept: application/fhir+json`): MSG-10. */
export const attachmentUrl = (base: string, messageId: string, attachmentId: string) => `${base}/Communication/${messageId}/attachment/${attachmentId}`;

/**
 * One message as a Communication (pure). Attachments are described (name, type, size), not inlined; with
 * `base`, each carries the `url` of its bytes (GET, traced).
 */
export function toCommunication(m: ProMessage, profileId: string, base?: string): R4.ICommunication {
  const patient = { reference: `Patient/${profileId}` };
  return {
    resourceType: 'Communication',
    id: m.id,
    extension: [
      { url: CONVERSATION_EXTENSION, valueString: m.conversationId },
      ...(m.replyOption ? [{ url: REPLY_OPTION_EXTENSION, valueCode: m.replyOption }] : []),
    ],
    // MSG-12: a message held for a SUSPENDED profile is on hold until it is delivered.
    status: m.status === 'HELD' ? 'on-hold' : 'completed',
    subject: patient,
    topic: { text: m.subject },
    ...(m.previousId ? { inResponseTo: [{ reference: `Communication/${m.previousId}` }] } : {}),
    sent: iso(m.createdAt),
    ...(m.authorKind !== 'PATIENT'
      ? { sender: { display: m.authorLabel }, recipient: [patient] }
      : { sender: { ...patient, display: m.writtenBy ? `${m.authorLabel} (${m.writtenBy})` : m.authorLabel } }),
    payload: [
      ...(m.body ? [{ contentString: m.body }] : []),
      ...m.attachments.map((a) => ({ contentAttachment: {
        contentType: a.mimeType, title: a.name, size: a.size, ...(base ? { url: attachmentUrl(base, m.id, a.id) } : {}),
      } })),
    ],
    ...(m.conversationClosedAt ? { note: [{ time: iso(m.conversationClosedAt), text: 'Conversation close.' }] } : {}),
  };
}
