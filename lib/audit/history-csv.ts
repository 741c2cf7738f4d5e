import { actorGroupLabel } from './history-filters';
import { describeActor, modeLabel, whenShort } from './history-format';
import { describeTrace } from './history';
import type { HistoryRow } from './history-query';

/**
 * AUD-5: the history as CSV for a French spreadsheet: UTF-8 with a BOM (Excel then reads accents
 * right), `;` between fields (the comma is the French decimal sign), CRLF line ends (RFC 4180).
 */
export const CSV_BOM = '\uFEFF';
export const CSV_HEADERS = ['Date et heure (heure de Paris)', 'Type d’acteur', 'Auteur', 'Action', 'Document', 'Mode d’accès', 'Résultat'] as const;

/** One field: quoted when it holds `;`, a quote or a line break; a leading = + - @ is defused (formula injection). */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvRecord = (fields: readonly string[]) => `${fields.map(csvField).join(';')}\r\n`;

function accessMode(mode: string): string {
  if (mode === 'ASSISTED') return 'Avec l’aide d’un conseiller France Services';
  return modeLabel(mode) ?? 'Normal';
}

export function historyCsvRecord(e: HistoryRow, readerAccountId: string | null): string {
  return csvRecord([
    whenShort(e.at), actorGroupLabel(e.actor_type), describeActor(e, readerAccountId), describeTrace(e),
    e.outcome === 'OK' ? (e.document_title ?? '') : '', accessMode(e.mode), e.outcome === 'OK' ? 'Effectuée' : 'Refusée',
  ]);
}
