import type { MatrixDecision, MatrixRule } from './decide';
import { MATRIX_CATEGORIES, PROFESSION_CODES, matrixCategoryLabel, professionLabel, typeLabel } from './professions';

/**
 * PRO-9, PRO-10: a version's rules laid out for reading — one row per category with each profession's
 * decision (rows without specialty), then the finer rows (a type code or a specialty) listed apart.
 */
export type GridRow = { category: string; label: string; decisions: Record<string, MatrixDecision | null> };
export type FineRule = MatrixRule & { professionLabel: string; targetLabel: string };

const uniq = (values: string[]) => [...new Set(values)];

export function matrixGrid(rules: readonly MatrixRule[]): { professions: { code: string; label: string }[]; rows: GridRow[]; fine: FineRule[] } {
  const professions = uniq([...PROFESSION_CODES, ...rules.map((r) => r.professionCode)]).map((code) => ({ code, label: professionLabel(code) }));
  const general = new Map(rules.filter((r) => r.targetKind === 'CATEGORY' && !r.specialty).map((r) => [`${r.professionCode}|${r.targetCode}`, r.decision]));
  const categories = uniq([...MATRIX_CATEGORIES, ...rules.filter((r) => r.targetKind === 'CATEGORY').map((r) => r.targetCode)]);
  const rows = categories.map((category) => ({
    category, label: matrixCategoryLabel(category),
    decisions: Object.fromEntries(professions.map((p) => [p.code, general.get(`${p.code}|${category}`) ?? null])),
  }));
  const fine = rules.filter((r) => r.targetKind === 'TYPE' || r.specialty).map((r) => ({
    ...r, professionLabel: professionLabel(r.professionCode),
    targetLabel: r.targetKind === 'TYPE' ? `${typeLabel(r.targetCode)} (${r.targetCode})` : matrixCategoryLabel(r.targetCode),
  }));
  return { professions, rows, fine };
}

/** What a reader sees for a decision; no row means denied (PRO-9). */
export const decisionLabel = (d: MatrixDecision | null) => (d === 'ALLOW' ? 'Autorisé' : 'Non autorisé');
