import { searchset } from '@/lib/fhir/bundle';
import { communicationFromResource, parseCommunicationSearch, toCommunication } from '@/lib/fhir/communication';
import { FhirRequestError } from '@/lib/fhir/errors';
import { fhirJson, fhirRoute, readFhirJson } from '@/lib/fhir/http';
import { operationOutcome } from '@/lib/fhir/operation-outcome';
import { NotFoundError } from '@/lib/errors';
import { listProMessages, proConversationOfMessage } from '@/lib/messaging/list-pro-messages';
import { writeToPatient } from '@/lib/messaging/write-to-patient';

/** MSG-10: 10 MB of attachments per message, in base64 (4/3), plus the text and the envelope. */
const MAX_MESSAGE_REQUEST_BYTES = 15 * 1_048_576;

/**
 * GET Communication?patient=Patient/{id}&_count&_cursor → searchset of the messages of this
 * professional's own conversations with the patient (newest first, keyset pages), one trace
 * `message.list`. 400 bad parameters; 403 refused, 404 unknown patient (traced).
 */
export const GET = fhirRoute(async ({ url, base, db, now, call }) => {
  const search = parseCommunicationSearch(url.searchParams, 200);
  const result = await listProMessages(db, call.actor, search.profileId, { limit: search.limit, after: search.after }, now, 'API');
  const next = result.next ? new URL(url) : undefined;
  next?.searchParams.set('_cursor', result.next!);
  return fhirJson(searchset({
    self: url.href, next: next?.href, total: result.total,
    entries: result.messages.map((m) => ({ fullUrl: `${url.origin}${url.pathname}/${m.id}`, resource: toCommunication(m, search.profileId, base) })),
  }));
});

/**
 * POST Communication: a professional writes to a patient (MSG-2) — a new conversation, or a reply in one
 * of theirs (`inResponseTo` a message of it) — through the same use case as the pages (writeToPatient:
 * MSG-4, MSG-7, MSG-8, MSG-10, MSG-11, MSG-12, PRO-6). Answers: 201 + Location (delivered); 202 + Location
 * (held: SUSPENDED profile, MSG-12); 200 with an information issue (empty `[FIN]`: closed, nothing
 * delivered, MSG-7). 415/400/413 malformed, 422 invalid or refused (MSG-12, with the reason), 403
 * refused (traced), 404 unknown patient or message.
 */
export const POST = fhirRoute(async ({ request, base, db, now, call }) => {
  const body = await readFhirJson(request, MAX_MESSAGE_REQUEST_BYTES);
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'Communication') {
    throw new FhirRequestError(400, { code: 'invalid', diagnostics: 'Le corps doit être une ressource Communication.' });
  }
  const req = communicationFromResource(body);
  const conversationId = req.inResponseTo ? await proConversationOfMessage(db, call.actor, req.profileId, req.inResponseTo) : undefined;
  if (req.inResponseTo && !conversationId) throw new NotFoundError('Message (inResponseTo)');
  const result = await writeToPatient(db, call.actor, {
    profileId: req.profileId, conversationId, subject: req.subject, body: req.body, replyOption: req.replyOption, files: req.files,
  }, now, 'API');
  const info = (diagnostics: string) => operationOutcome([{ severity: 'information', code: 'informational', diagnostics }]);
  if (result.outcome === 'CLOSED_ONLY') return fhirJson(info('La conversation est close ; rien n’a été transmis.'), 200);
  const headers = { location: `${base}/Communication/${result.messageId}` };
  if (result.outcome === 'HELD') {
    return fhirJson(info('Message en attente : le profil de ce patient est suspendu ; il sera distribué quand le profil sera de nouveau actif (MSG-12). Un avis vous a été envoyé.'), 202, headers);
  }
  const read = await listProMessages(db, call.actor, req.profileId, { only: result.messageId! }, now, 'API');
  return fhirJson(toCommunication(read.messages[0]!, req.profileId, base), 201, headers);
});
