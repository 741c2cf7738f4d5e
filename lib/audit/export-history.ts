import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { CSV_BOM, CSV_HEADERS, csvRecord, historyCsvRecord } from './history-csv';
import { HISTORY_TABS, describePeriod, type HistoryFilters } from './history-filters';
import { renderHistoryPdf } from './history-pdf';
import { historyBatch, openHistory, type HistoryRow, type HistoryScope } from './history-query';
import { recordAccess } from './record-access';

/** Rows read per keyset step of a download. */
export const EXPORT_BATCH = 1000;

type ExportInput = { profileId: string; filters: HistoryFilters };

/**
 * AUD-5, AUD-6: a download passes the policy (a refusal is traced) and is traced for every reader,
 * the patient side included (AUD-1 lists exports), in the same transaction as its first read; the
 * rest follows in keyset steps, so a history of any size streams in constant memory.
 */
async function startExport(db: Db, actor: Actor, input: ExportInput, format: 'csv' | 'pdf', now: Date) {
  const { profile, scope } = await openHistory(db, actor, input.profileId, input.filters, 'profile.history.export', now);
  const first = await db.transaction().execute(async (trx) => {
    const rows = await historyBatch(trx, scope, {}, EXPORT_BATCH);
    await recordAccess(trx, { actor, action: 'profile.history.export', profileId: profile.id, target: { type: 'history-export', id: format }, at: now });
    return rows;
  });
  const filename = `historique-activite-${parisIsoDay(now)}.${format}`;
  return { profile, filename, batches: batchesFrom(db, scope, first) };
}

async function* batchesFrom(db: Db, scope: HistoryScope, first: HistoryRow[]): AsyncGenerator<HistoryRow[]> {
  let batch = first;
  while (batch.length > 0) {
    yield batch;
    if (batch.length < EXPORT_BATCH) return;
    batch = await historyBatch(db, scope, { before: batch[batch.length - 1]!.id }, EXPORT_BATCH);
  }
}

const readerOf = (actor: Actor) => (actor.kind === 'PATIENT' ? actor.accountId : null);

/** The CSV as a byte stream (BOM, headers, one record per trace, newest first). */
export async function exportHistoryCsv(db: Db, actor: Actor, input: ExportInput, now: Date) {
  const { filename, batches } = await startExport(db, actor, input, 'csv', now);
  const reader = readerOf(actor);
  async function* chunks() {
    yield CSV_BOM + csvRecord(CSV_HEADERS);
    for await (const batch of batches) yield batch.map((e) => historyCsvRecord(e, reader)).join('');
  }
  const it = chunks();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await it.return(undefined);
    },
  });
  return { filename, stream };
}

/** The PDF (built in memory: pdf-lib writes the file at the end). */
export async function exportHistoryPdf(db: Db, actor: Actor, input: ExportInput, now: Date) {
  const { profile, filename, batches } = await startExport(db, actor, input, 'pdf', now);
  const own = actor.kind === 'PATIENT' && actor.ownProfileId === profile.id;
  const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' }).format(now);
  const pdf = await renderHistoryPdf({
    title: own ? 'Historique d’activité — Mon espace santé' : `Historique d’activité de ${profile.name} — Mon espace santé`,
    about: [
      `Profil de ${profile.name}. Période : ${describePeriod(input.filters)}.`,
      `Acteurs : ${HISTORY_TABS[input.filters.tab].filterLabel}. Du plus récent au plus ancien, heure de Paris.`,
      `Téléchargé le ${when}.`,
    ],
    readerAccountId: readerOf(actor),
    batches,
  });
  return { filename, pdf };
}
