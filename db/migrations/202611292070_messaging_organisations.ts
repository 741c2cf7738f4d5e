import { type Kysely, sql } from 'kysely';

/**
 * MSG-2 (« une structure »), MSG-4: conversations from an organisation — the insurer, « Assurance Maladie »
 * (prevention campaigns, lib/messaging/insurer-messages.ts) — with neither professional nor pharmacy.
 * - `conversations.sender_organisation`: 'ASSURANCE_MALADIE'; a conversation has exactly one counterpart:
 *   a professional, a pharmacy (MSG-3(b)) or an organisation.
 * - `messages.author_kind` 'ORGANISATION': such a message carries a reply option (NO_REPLY), like a PS's.
 * - `messages.author_professional_id`: which pharmacist of the pharmacy wrote (MSG-3(b): the pharmacy's
 *   conversations are shared by the pharmacists of its FINESS; the label names the person).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table conversations add column sender_organisation text check (sender_organisation in ('ASSURANCE_MALADIE'));
    alter table conversations drop constraint conversations_one_counterpart;
    alter table conversations add constraint conversations_one_counterpart
      check (num_nonnulls(professional_id, pharmacy_finess, sender_organisation) = 1);
    alter table messages drop constraint messages_author_kind_check;
    alter table messages add constraint messages_author_kind_check check (author_kind in ('PS','PATIENT','ORGANISATION'));
    alter table messages drop constraint messages_check;
    alter table messages add constraint messages_reply_option_by_author check ((author_kind <> 'PATIENT') = (reply_option is not null));
    alter table messages add column author_professional_id uuid references professionals(id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    delete from conversations where sender_organisation is not null;
    alter table messages drop column author_professional_id;
    alter table messages drop constraint messages_reply_option_by_author;
    alter table messages add constraint messages_check check ((author_kind = 'PS') = (reply_option is not null));
    alter table messages drop constraint messages_author_kind_check;
    alter table messages add constraint messages_author_kind_check check (author_kind in ('PS','PATIENT'));
    alter table conversations drop constraint conversations_one_counterpart;
    alter table conversations add constraint conversations_one_counterpart check ((professional_id is null) <> (pharmacy_finess is null));
    alter table conversations drop column sender_organisation;
  `.execute(db);
}
