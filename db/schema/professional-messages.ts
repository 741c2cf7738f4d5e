import type { Generated } from 'kysely';
import type { Timestamp } from './columns';

/** EMG-6: a secure message to one professional about one profile (the médecin traitant after an emergency access). */
export interface ProfessionalMessagesTable {
  id: Generated<string>;
  /** The recipient. */
  professional_id: string;
  profile_id: string;
  subject: string;
  body: string;
  created_at: Timestamp;
  read_at: Timestamp | null;
}
