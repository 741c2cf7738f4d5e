import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns';

/** MSG-4: the reply option a professional sets per message. */
export type ReplyOption = 'REPLY' | 'REPLY_TO_ALL' | 'REPLY_BLOCKED' | 'NO_REPLY' | 'NEW_MESSAGE';
/** ORGANISATION: the insurer (« Assurance Maladie »), see lib/messaging/insurer-messages.ts. */
export type MessageAuthorKind = 'PS' | 'PATIENT' | 'ORGANISATION';
/** MSG-2: an organisation that writes to patients (no professional, no pharmacy). */
export type SenderOrganisation = 'ASSURANCE_MALADIE';
/** MSG-12: HELD while the profile is SUSPENDED; DELIVERED otherwise. */
export type MessageStatus = 'DELIVERED' | 'HELD';

/** MSG-2, MSG-5, MSG-6: one thread between one profile and one professional. */
export interface ConversationsTable {
  id: Generated<string>;
  profile_id: string;
  /** Null for a conversation with a pharmacy (MSG-3(b)): exactly one of professional_id, pharmacy_finess. */
  professional_id: string | null;
  pharmacy_finess: ColumnType<string | null, string | null | undefined, never>;
  /** An organisation's conversation (no professional, no pharmacy): exactly one counterpart. */
  sender_organisation: ColumnType<SenderOrganisation | null, SenderOrganisation | null | undefined, never>;
  subject: string;
  opened_at: Timestamp;
  closed_at: Timestamp | null;
  closed_by: string | null;
  last_message_at: Timestamp;
  patient_read_at: Timestamp | null;
  pro_read_at: Timestamp | null;
  deleted_by_patient_at: Timestamp | null;
}

export interface MessagesTable {
  id: Generated<string>;
  conversation_id: string;
  author_kind: MessageAuthorKind;
  author_account_id: string | null;
  author_label: string;
  /** MSG-9: « rédigé par …, représentant légal » / « …, l'aidant de … ». */
  written_by_label: string | null;
  /** MSG-3(b): the pharmacist who wrote for the pharmacy (null otherwise). */
  author_professional_id: ColumnType<string | null, string | null | undefined, string | null>;
  body: string;
  reply_option: ReplyOption | null;
  status: Generated<MessageStatus>;
  created_at: Timestamp;
}

/** MSG-10, DOC-13: stored encrypted through the blob store. */
export interface MessageAttachmentsTable {
  id: Generated<string>;
  message_id: string;
  blob_key: string;
  wrapped_key: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  created_at: Timestamp;
}

/** MSG-3(b): a pharmacy by its FINESS; `organisational_mailbox`: it receives patients' messages. */
export interface PharmaciesTable {
  finess: string;
  name: string;
  city: string;
  organisational_mailbox: Generated<boolean>;
  created_at: Generated<Timestamp>;
}
