import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './columns';

/** PRV-10: one « Mon bilan prévention » questionnaire per profile and age band (`18-25`, `45-50`…). */
export interface PreventionQuestionnairesTable {
  id: Generated<string>;
  profile_id: string;
  band: string;
  edition: string;
  /** The current version of its QUEST_SANTE document (DOC-11: older ones are OBSOLETE). */
  document_id: string;
  answers: ColumnType<Record<string, string | number | null>, string, string>;
  /** MEA: the measures (weight, height) the answers entered, replaced by an edit. */
  measure_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_by_account: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}
