import type { Generated } from 'kysely';
import type { CreatedAt, DateOnly, Timestamp } from './columns';

// BO-7 reference data: « Pourquoi ce message ? » texts (PRV-7) and calendar editions' publications (PRV-1).

export type ReferenceTextKind = 'WHY_MESSAGE';

/** BO-7: one version of a set of reference texts, append-only, in force from `effective_from`. */
export interface ReferenceTextVersionsTable {
  id: Generated<string>;
  kind: ReferenceTextKind;
  number: number;
  effective_from: Timestamp;
  note: Generated<string>;
  /** The supervisor who published it; null for the seeded version 1. */
  created_by: string | null;
  created_at: CreatedAt;
}

/** PRV-7: one template of a version (key: AGE, SEX_FEMALE, ...), with `{placeholders}`. */
export interface ReferenceTextsTable {
  version_id: string;
  key: string;
  template: string;
}

/** PRV-1, BO-7: a calendar edition published in the back-office (the rows live in prevention_calendar_items). */
export interface PreventionCalendarPublicationsTable {
  id: Generated<string>;
  programme: string;
  edition: string;
  effective_day: DateOnly;
  items: number;
  note: string;
  created_by: string;
  created_at: CreatedAt;
}
