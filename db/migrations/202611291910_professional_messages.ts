import { type Kysely, sql } from 'kysely';

/**
 * EMG-6: the professionals' secure messaging (« Messagerie sécurisée »), first used to inform the
 * médecin traitant after an emergency access. One row per message and recipient professional; the
 * inbox reads newest first (keyset on created_at, id) and `read_at` marks it opened.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table professional_messages (
      id uuid primary key default gen_random_uuid(),
      professional_id uuid not null references professionals(id),
      profile_id uuid not null references profiles(id),
      subject text not null,
      body text not null,
      created_at timestamptz not null,
      read_at timestamptz
    );
    create index professional_messages_inbox on professional_messages (professional_id, created_at desc, id desc);
  `.execute(db);
}
