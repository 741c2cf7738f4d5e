import { toCommunication } from '@/lib/fhir/communication';
import { fhirJson, fhirRoute } from '@/lib/fhir/http';
import { readProMessage } from '@/lib/messaging/pro-message';

/**
 * GET Communication/{id}: one message of this professional's own conversations, or of the pharmacy they
 * act at (MSG-3(b)); traced `message.read`. 404 for anything else (another professional's, another
 * pharmacy's, unknown: traced too, never a leak); 403 refused by the gate (PRO-6 blocked…).
 * Attachments carry the `url` of their bytes.
 */
export const GET = fhirRoute<{ id: string }>(async ({ params, base, db, now, call }) => {
  const { profileId, message } = await readProMessage(db, call.actor, params.id, now, 'API');
  return fhirJson(toCommunication(message, profileId, base));
});
