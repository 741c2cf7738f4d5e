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
};

type Row = { id: string; type: string; value: string; value2: string | null; unit: string; effective_at: Date; source: MeasureSourceColumn };

export const MEASURE_COLUMNS = ['id', 'type', 'value', 'value2', 'unit', 'effective_at', 'source'] as const;

export function toMeasure(r: Row): Measure {
  return { id: r.id, type: r.type as EnterableTypeCode, value: Number(r.value), value2: r.value2 === null ? null : Number(r.value2),
    unit: r.unit, effectiveAt: r.effective_at, source: r.source };
}

/** The use case's transaction, or the caller's when it composes several use cases in one. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/** The account behind a patient-side write (holder or representative), for `created_by_account`. */
export const accountOf = (actor: Actor) => (actor.kind === 'PATIENT' ? actor.accountId : null);
