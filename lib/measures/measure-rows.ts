import type { Transaction } from 'kysely';
import type { Db } from '@/db/client';
import type { DB, MeasureSourceColumn } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import type { EnterableTypeCode } from './measure-types';

/** One stored value as pages and rules use it (numbers, not pg `numeric` strings). */
export type Measure = {
  id: string;
  type: EnterableTypeCode;
  value: number;
  value2: number | null;
  unit: string;
  effectiveAt: Date;
  source: MeasureSourceColumn;
  /** MEA-4: the document a DOCUMENT_EXTRACTION value was read from, when the patient side may see it. */
  sourceDocument?: { id: string; title: string; profileId: string };
  /** MEA-8: the connected service a SERVICE_TIERS value was pushed by. */
  sourceService?: { id: string; name: string };
};

type Row = { id: string; type: string; value: string; value2: string | null; unit: string; effective_at: Date; source: MeasureSourceColumn;
  source_ref: string | null };

export const MEASURE_COLUMNS = ['id', 'type', 'value', 'value2', 'unit', 'effective_at', 'source', 'source_ref'] as const;

export function toMeasure(r: Row): Measure {
  return { id: r.id, type: r.type as EnterableTypeCode, value: Number(r.value), value2: r.value2 === null ? null : Number(r.value2),
    unit: r.unit, effectiveAt: r.effective_at, source: r.source };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Stored rows as measures, each extracted value with the title of its source document (MEA-4), one
 * query for the page. A document hidden from the patient side since (VIS-9, VIS-14) is not named.
 * A value pushed by a connected service carries the service's name (MEA-8).
 */
export async function toMeasures(db: Db, rows: readonly Row[]): Promise<Measure[]> {
  const refs = [...new Set(rows.flatMap((r) => (r.source === 'DOCUMENT_EXTRACTION' && r.source_ref && UUID.test(r.source_ref) ? [r.source_ref] : [])))];
  const documents = refs.length === 0 ? [] : await db.selectFrom('documents').select(['id', 'title', 'profile_id']).where('id', 'in', refs)
    .where('status', '!=', 'DELETED').where('invisible_patient', '=', false).where('invisible_representants_legaux', '=', false).execute();
  const byId = new Map(documents.map((d) => [d.id, { id: d.id, title: d.title, profileId: d.profile_id }]));
  const serviceRefs = [...new Set(rows.flatMap((r) => (r.source === 'SERVICE_TIERS' && r.source_ref && UUID.test(r.source_ref) ? [r.source_ref] : [])))];
  const services = serviceRefs.length === 0 ? [] : await db.selectFrom('connected_services').select(['id', 'name']).where('id', 'in', serviceRefs).execute();
  const serviceById = new Map(services.map((s) => [s.id, s]));
  return rows.map((r) => {
    const m = toMeasure(r);
    const sourceDocument = r.source === 'DOCUMENT_EXTRACTION' && r.source_ref ? byId.get(r.source_ref) : undefined;
    const sourceService = r.source === 'SERVICE_TIERS' && r.source_ref ? serviceById.get(r.source_ref) : undefined;
    return sourceDocument ? { ...m, sourceDocument } : sourceService ? { ...m, sourceService } : m;
  });
}

/** The use case's transaction, or the caller's when it composes several use cases in one. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** The account behind a patient-side write (holder or representative), for `created_by_account`. */
export const accountOf = (actor: Actor) => (actor.kind === 'PATIENT' ? actor.accountId : null);
