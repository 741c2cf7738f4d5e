import { type Kysely, sql } from 'kysely';

/**
 * MSG-1..12: the Messagerie citoyenne.
 * - `conversations`: one thread between one profile and one professional (MSG-6: one side is always a
 *   professional, so patient-to-patient messaging cannot be stored). Only the PS closes it (MSG-5);
 *   the patient may delete it from their inbox (`deleted_by_patient_at`, MSG-5) — a later PS message
 *   brings it back. `patient_read_at` / `pro_read_at` drive the unread counts.
 * - `messages`: author PS or PATIENT, the author label and, for a representative or an aidant, the
 *   « rédigé par » label (MSG-9); the reply option chosen per message (MSG-4); `status` HELD for a
 *   SUSPENDED profile (MSG-12), DELIVERED otherwise. An empty `[FIN]` (MSG-7) stores no message.
 * - `message_attachments`: stored encrypted through the blob store like documents (DOC-13).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table conversations (
      id uuid primary key default gen_random_uuid(),
      profile_id uuid not null references profiles(id),
      professional_id uuid not null references professionals(id),
      subject text not null check (char_length(subject) between 1 and 200),
      opened_at timestamptz not null,
      closed_at timestamptz,
      closed_by uuid references professionals(id),
      last_message_at timestamptz not null,
      patient_read_at timestamptz,
      pro_read_at timestamptz,
      deleted_by_patient_at timestamptz,
      check ((closed_at is null) = (closed_by is null))
    );
    create index conversations_inbox on conversations (profile_id, last_message_at desc, id desc);
    create index conversations_pro on conversations (professional_id, profile_id, last_message_at desc);

    create table messages (
      id uuid primary key default gen_random_uuid(),
      conversation_id uuid not null references conversations(id) on delete cascade,
      author_kind text not null check (author_kind in ('PS','PATIENT')),
      author_account_id uuid,
      author_label text not null,
      written_by_label text,
      body text not null,
      reply_option text check (reply_option in ('REPLY','REPLY_TO_ALL','REPLY_BLOCKED','NO_REPLY','NEW_MESSAGE')),
      status text not null default 'DELIVERED' check (status in ('DELIVERED','HELD')),
      created_at timestamptz not null,
      check ((author_kind = 'PS') = (reply_option is not null))
    );
    create index messages_conversation on messages (conversation_id, created_at, id);

    create table message_attachments (
      id uuid primary key default gen_random_uuid(),
      message_id uuid not null references messages(id) on delete cascade,
      blob_key text not null,
      wrapped_key text not null,
      name text not null,
      mime_type text not null,
      size_bytes integer not null,
      sha256 text not null,
      created_at timestamptz not null
    );
    create index message_attachments_message on message_attachments (message_id);
  `.execute(db);
}
