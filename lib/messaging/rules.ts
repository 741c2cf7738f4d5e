import type { ReplyOption } from '@/db/schema';
import type { PatientRole } from '@/lib/access/document-access';

/**
 * MSG-3..9 as pure rules (no I/O). The use cases in this folder load the facts and apply them.
 */

/** MSG-10: 10 MB per message at most, all attachments together (10 485 760 bytes). */
export const MAX_MESSAGE_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_SUBJECT = 200;
export const MAX_BODY = 10_000;

/**
 * MSG-7: the `[FIN]` marker. Decision (documented, tested in tests/unit/messaging-rules.test.ts):
 * - the brackets are part of the marker and delimit it as a token, so it counts wherever it stands in
 *   the subject, even glued to a word (`Suivi[FIN]`) — MSG-7 says "contains";
 * - case-insensitive: `[fin]`, `[Fin]` count;
 * - nothing may stand inside the brackets: `[ FIN ]`, `[FIN.]`, `[FINANCE]` do not count;
 * - `FIN` without brackets does not count; a `[FIN]` in the body only does not count (subject only).
 */
const FIN_MARKER = /\[fin\]/i;
export const subjectHasFin = (subject: string) => FIN_MARKER.test(subject);

/** Named HTML entities that are whitespace or nothing once rendered. */
const BLANK_ENTITIES = /&(nbsp|ensp|emsp|thinsp|zwnj|zwj|#0*160|#x0*a0|#0*32|#x0*20|#0*8203|#x0*200b|#0*9|#0*10|#0*13);?/gi;

/**
 * MSG-7: "empty" = no text after stripping HTML tags, blank entities (`&nbsp;`…) and whitespace
 * (Unicode spaces and zero-width characters included). `<p><br></p>` is empty; `&amp;` is not.
 */
export function isBlankBody(bodyHtmlOrText: string): boolean {
  const text = bodyHtmlOrText
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(BLANK_ENTITIES, '')
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]+/g, '');
  return text.length === 0;
}

export type FinKind = 'NONE' | 'CLOSE_ONLY' | 'DELIVER_THEN_CLOSE';

/**
 * MSG-7, MSG-8: a PS message whose subject carries `[FIN]` either closes without delivery (empty body,
 * no attachment: CLOSE_ONLY, trace only) or is delivered as written and then closes (DELIVER_THEN_CLOSE).
 */
export function finOf(msg: { subject: string; bodyHtmlOrText: string; attachments: number }): FinKind {
  if (!subjectHasFin(msg.subject)) return 'NONE';
  return isBlankBody(msg.bodyHtmlOrText) && msg.attachments === 0 ? 'CLOSE_ONLY' : 'DELIVER_THEN_CLOSE';
}

/** MSG-8: the warning the PS reads before sending a `[FIN]` message (null: no warning). */
export function finWarning(kind: FinKind): string | null {
  if (kind === 'CLOSE_ONLY') return 'Ce message ne sera pas transmis au patient : il clôt la conversation.';
  if (kind === 'DELIVER_THEN_CLOSE') return 'Ce message sera transmis, puis la conversation sera close.';
  return null;
}

/** MSG-4: the options, with the labels the PS reads. */
export const REPLY_OPTIONS: Record<ReplyOption, string> = {
  REPLY: 'Le patient peut répondre',
  REPLY_TO_ALL: 'Le patient peut répondre à tous',
  REPLY_BLOCKED: 'Réponse bloquée',
  NO_REPLY: 'Message sans réponse possible',
  NEW_MESSAGE: 'Le patient doit écrire un nouveau message',
};
export const isReplyOption = (v: string): v is ReplyOption => Object.hasOwn(REPLY_OPTIONS, v);

/** Who is on the other side of a conversation: a professional, a pharmacy (MSG-3(b)) or an organisation (MSG-2). */
export type Counterpart = 'PROFESSIONAL' | 'PHARMACY' | 'ORGANISATION';

/** MSG-4: an organisation's message (« Assurance Maladie ») is never answered in the messagerie. */
export const ORGANISATION_NO_REPLY = 'Vous ne pouvez pas répondre à ce message : l’Assurance Maladie n’en reçoit pas de réponse par la messagerie.';

/**
 * MSG-4, MSG-5: why the patient may not reply (null: they may). A closed conversation wins; then the
 * option of the other side's latest message. One professional (or pharmacy) per conversation:
 * REPLY_TO_ALL answers the same person as REPLY. An organisation's conversation is never answered.
 */
export function replyRefusal(c: { closed: boolean; professionalLabel: string; lastOption: ReplyOption | null; inactive?: boolean;
  counterpart?: Counterpart }): string | null {
  if (c.counterpart === 'ORGANISATION') return ORGANISATION_NO_REPLY;
  if (c.closed) return `${c.professionalLabel} a mis fin à vos échanges.`;
  if (c.inactive) return inactiveRefusal(c.professionalLabel);
  const who = c.counterpart === 'PHARMACY' ? 'Cette pharmacie' : 'Ce professionnel';
  switch (c.lastOption) {
    case 'REPLY_BLOCKED':
    case 'NO_REPLY':
      return `${who} n’accepte pas de réponse à ce message.`;
    case 'NEW_MESSAGE':
      return `${who} vous demande d’écrire un nouveau message plutôt que de répondre.`;
    default:
      return null;
  }
}

/** MSG-11: the professional no longer practises: the patient is told and cannot write to them. */
export const inactiveRefusal = (professionalLabel: string) =>
  `${professionalLabel} n’exerce plus : vous ne pouvez plus lui écrire. Contactez un autre professionnel de santé.`;

/**
 * MSG-3(a): a professional is "contactable" when they already wrote to the profile and their latest
 * conversation with it is open. MSG-5: closing loses them until they write again (a new conversation).
 */
export function isContactable(conversations: readonly { openedAt: Date; closedAt: Date | null; psWrote: boolean }[]): boolean {
  if (!conversations.some((c) => c.psWrote)) return false;
  const latest = conversations.reduce((a, b) => (b.openedAt > a.openedAt ? b : a));
  return latest.closedAt === null;
}

/** MSG-9: how a message written for a profile by someone else is labelled (null for the holder). */
export function writtenByLabel(role: PatientRole, writerName: string, profileName: string): string | null {
  if (role === 'REPRESENTATIVE') return `rédigé par ${writerName}, représentant légal`;
  if (role === 'AIDANT') return `rédigé par ${writerName}, l’aidant de ${profileName}`;
  return null;
}

/** MSG-10: the total size of a message's attachments. */
export function attachmentsTooLarge(sizes: readonly number[]): boolean {
  return sizes.reduce((a, b) => a + b, 0) > MAX_MESSAGE_ATTACHMENT_BYTES;
}

/** The calendar date one year before `today` (YYYY-MM-DD); 29 February gives 28 February. Pure. */
export function oneYearBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate(); // days in that month a year before
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * MSG-3(b): the patient may start a conversation with a pharmacy that has an organisational mailbox and
 * a reimbursed dispensation for the profile in the past year (its latest date ≥ today − 1 year).
 */
export function isVisitedPharmacy(p: { organisationalMailbox: boolean; lastDispensation: string | null }, today: string): boolean {
  return p.organisationalMailbox && p.lastDispensation !== null && p.lastDispensation >= oneYearBefore(today);
}

/** MSG-3(b): a first message to a pharmacy carries at least one attachment (the prescription). */
export const PHARMACY_ATTACHMENT_REQUIRED = 'Joignez au moins un document (votre ordonnance, par exemple) pour écrire à une pharmacie.';
