import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { ValidationError } from '@/lib/errors';
import { parisIsoDay } from '@/lib/measures/paris-time';
import type { EntryContext, FieldErrors } from './entry-schemas';
import type { EntryKind } from './vocabulary';

/** One stored entry as pages and rules use it. */
export type MedicalEntry = {
  id: string;
  kind: EntryKind;
  payload: Record<string, unknown>;
  uniqueKey: string | null;
  documentId: string | null;
  source: 'PATIENT' | 'PS';
  sourceLabel: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const ENTRY_COLUMNS = ['id', 'kind', 'payload', 'unique_key', 'document_id', 'source', 'source_label', 'created_at', 'updated_at'] as const;

type Row = { id: string; kind: EntryKind; payload: Record<string, unknown>; unique_key: string | null; document_id: string | null;
  source: 'PATIENT' | 'PS'; source_label: string | null; created_at: Date; updated_at: Date };

export const toEntry = (r: Row): MedicalEntry => ({
  id: r.id, kind: r.kind, payload: r.payload, uniqueKey: r.unique_key, documentId: r.document_id, source: r.source,
  sourceLabel: r.source_label, createdAt: r.created_at, updatedAt: r.updated_at,
});

/** The use case's transaction, or the caller's when it composes several use cases in one. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** The account behind a patient-side write (holder, representative or aidant). */
export const accountOf = (actor: Actor) => (actor.kind === 'PATIENT' ? actor.accountId : null);

/** What every date check needs: today in Paris and the profile's birth date. */
export const entryContext = (now: Date, birthDate: string): EntryContext => ({ today: parisIsoDay(now), birthDate });

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checks failed: the first field error is the message, all of them travel to the form. */
export class MedicalEntryValidationError extends ValidationError {
  readonly fieldErrors: FieldErrors;
  constructor(fieldErrors: FieldErrors) {
    const [field, message] = Object.entries(fieldErrors)[0]!;
    super('medical.invalid', message, field);
    this.fieldErrors = fieldErrors;
  }
}

/** PRF-2: a professional's entry the patient side tried to change. */
export class ProfessionalEntryError extends ValidationError {
  constructor() {
    super('medical.ps-source', 'Cette vaccination a été enregistrée par un professionnel de santé : elle ne peut pas être modifiée ou supprimée ici.');
  }
}
