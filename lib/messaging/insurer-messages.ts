import { sql, type RawBuilder } from 'kysely';
import { ValidationError } from '@/lib/errors';
import { ORGANISATION_LABELS } from './patient-side';
import { MAX_BODY, MAX_SUBJECT } from './rules';

export type InsurerMessage = { subject: string; body: string; now: Date };

/**
 * MSG-2 (« une structure »), MSG-4: messages from « Assurance Maladie » (no professional, no pharmacy),
 * one new conversation per profile, reply option NO_REPLY (the inbox says one cannot reply), unread
 * until opened. Set-based, for campaign batches (DESIGN.md: never a query per row).
 *
 * Returns two data-modifying CTEs to place in the caller's WITH list, after a CTE named `source` that
 * yields a `profile_id` column (uuid), e.g. the rows a prevention batch just inserted:
 *
 * ```ts
 * await sql`
 *   with ins as (insert into prevention_messages ... returning profile_id),
 *   ${insurerMessagesCte('ins', { subject, body, now })}
 *   select (select count(*) from insurer_conversations) as conversations`.execute(trx);
 * ```
 *
 * - `<prefix>_conversations` (id, profile_id): one conversation per distinct source profile;
 * - `<prefix>_messages` (id, conversation_id): its one message.
 * MSG-12: ACTIVE profiles receive it; for SUSPENDED ones it is HELD (delivered when the suspension is
 * lifted, deliver-held-messages.ts); other states are skipped. The caller's transaction
 * makes it all-or-nothing; idempotence is the caller's (run it on rows inserted once, as above).
 * `prefix` (default `insurer`) names the CTEs; a plain SQL identifier.
 */
export function insurerMessagesCte(source: string, message: InsurerMessage, prefix = 'insurer'): RawBuilder<unknown> {
  const subject = message.subject.trim();
  if (subject.length < 1 || subject.length > MAX_SUBJECT) {
    throw new ValidationError('message.invalid', `L’objet doit compter de 1 à ${MAX_SUBJECT} caractères.`, 'sujet');
  }
  if (!message.body.trim() || message.body.length > MAX_BODY) {
    throw new ValidationError('message.invalid', `Le message doit compter de 1 à ${MAX_BODY} caractères.`, 'message');
  }
  for (const name of [source, prefix]) {
    if (!/^[a-z_][a-z0-9_]{0,40}$/i.test(name)) throw new Error(`insurerMessagesCte: invalid SQL name ${name}`);
  }
  const conversations = sql.id(`${prefix}_conversations`);
  const messages = sql.id(`${prefix}_messages`);
  const now = message.now;
  return sql`${conversations} as (
    insert into conversations (profile_id, sender_organisation, subject, opened_at, last_message_at)
    select distinct s.profile_id, 'ASSURANCE_MALADIE', ${subject}::text, ${now}::timestamptz, ${now}::timestamptz
    from ${sql.id(source)} s join profiles p on p.id = s.profile_id and p.state in ('ACTIVE', 'SUSPENDED')
    returning id, profile_id
  ), ${messages} as (
    insert into messages (conversation_id, author_kind, author_label, body, reply_option, status, created_at)
    select c.id, 'ORGANISATION', ${ORGANISATION_LABELS.ASSURANCE_MALADIE}::text, ${message.body}::text, 'NO_REPLY',
      case when p.state = 'SUSPENDED' then 'HELD' else 'DELIVERED' end, ${now}::timestamptz
    from ${conversations} c join profiles p on p.id = c.profile_id
    returning id, conversation_id
  )`;
}
