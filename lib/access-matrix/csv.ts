import { isCategory } from '@/lib/documents/categories';
import type { MatrixDecision, MatrixRule, TargetKind } from './decide';
import { isProfessionCode } from './professions';

/**
 * BO-7: a matrix version as a CSV file (`profession;specialite;type;code;decision`, one header line), read
 * and checked line by line, pure. The fields are short codes: we split the lines ourselves rather than with
 * uDSV, whose parser silently drops blank lines and folds missing fields into the last one, so the line
 * numbers and field counts we report would be wrong.
 */
export const MATRIX_CSV_COLUMNS = ['profession', 'specialite', 'type', 'code', 'decision'] as const;
export const MAX_MATRIX_LINES = 5000;

export type CsvProblem = { line: number; column: string | null; reason: string };
export type ParsedMatrix = { ok: true; rules: MatrixRule[] } | { ok: false; problems: CsvProblem[] };

const LOINC = /^\d{1,7}-\d$/;
const SPECIALTY = /^[A-Za-z0-9_.-]{1,20}$/;
const KINDS: Record<string, TargetKind> = { TYPE: 'TYPE', CATEGORY: 'CATEGORY', CATEGORIE: 'CATEGORY' };
const DECISIONS: Record<string, MatrixDecision> = { ALLOW: 'ALLOW', DENY: 'DENY' };

export function parseMatrixCsv(text: string): ParsedMatrix {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(';').map((c) => c.trim().toLowerCase());
  if (header.join(';') !== MATRIX_CSV_COLUMNS.join(';')) {
    return { ok: false, problems: [{ line: 1, column: null, reason: `la ligne d’en-tête doit être exactement « ${MATRIX_CSV_COLUMNS.join(';')} ».` }] };
  }
  const problems: CsvProblem[] = [];
  const rules: MatrixRule[] = [];
  const seen = new Map<string, number>();
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = i + 1;
    if (raw.trim() === '') continue;
    if (line > MAX_MATRIX_LINES + 1) {
      problems.push({ line, column: null, reason: `le fichier dépasse ${MAX_MATRIX_LINES} règles.` });
      break;
    }
    const fields = raw.split(';').map((f) => f.trim());
    if (fields.length !== MATRIX_CSV_COLUMNS.length) {
      problems.push({ line, column: null, reason: `${fields.length} champs au lieu de ${MATRIX_CSV_COLUMNS.length} (séparateur point-virgule).` });
      continue;
    }
    const [profession, specialty, kindText, code, decisionText] = fields as [string, string, string, string, string];
    const before = problems.length;
    if (!isProfessionCode(profession)) problems.push({ line, column: 'profession', reason: `« ${profession} » n’est pas un code de profession connu (10, 21, 40, 50, 60, 70 ou 80).` });
    if (specialty && !SPECIALTY.test(specialty)) problems.push({ line, column: 'specialite', reason: `« ${specialty} » n’est pas un code de spécialité valide (lettres, chiffres, 20 caractères au plus).` });
    const kind = KINDS[kindText.toUpperCase()];
    if (!kind) problems.push({ line, column: 'type', reason: `« ${kindText} » : indiquez TYPE (type de document) ou CATEGORY (catégorie).` });
    if (kind === 'TYPE' && !LOINC.test(code)) problems.push({ line, column: 'code', reason: `« ${code} » n’est pas un code LOINC de type de document (par exemple 15508-5).` });
    if (kind === 'CATEGORY' && !isCategory(code)) problems.push({ line, column: 'code', reason: `« ${code} » n’est pas une catégorie de document connue (par exemple CPT_REND, REMB).` });
    const decision = DECISIONS[decisionText.toUpperCase()];
    if (!decision) problems.push({ line, column: 'decision', reason: `« ${decisionText} » : indiquez ALLOW (autorisé) ou DENY (non autorisé).` });
    if (problems.length > before || !kind || !decision) continue;
    const key = [profession, specialty, kind, code].join(';');
    const first = seen.get(key);
    if (first) {
      problems.push({ line, column: null, reason: `cette règle figure déjà à la ligne ${first}.` });
      continue;
    }
    seen.set(key, line);
    rules.push({ professionCode: profession, specialty: specialty || null, targetKind: kind, targetCode: code, decision });
  }
  if (problems.length) return { ok: false, problems };
  if (!rules.length) return { ok: false, problems: [{ line: 2, column: null, reason: 'le fichier ne contient aucune règle.' }] };
  return { ok: true, rules };
}

/** One French sentence per problem, the first ones only, for the error tied to the file field. */
export function describeProblems(problems: readonly CsvProblem[], max = 10): string {
  const shown = problems.slice(0, max).map((p) => `ligne ${p.line}${p.column ? ` (${p.column})` : ''} : ${p.reason}`);
  const more = problems.length > max ? ` … et ${problems.length - max} autre(s) erreur(s).` : '';
  const count = problems.length === 1 ? 'une erreur' : `${problems.length} erreurs`;
  return `Le fichier contient ${count}, aucune règle n’a été enregistrée. ${shown.join(' ; ')}${more}`;
}

/** The rows of a version as the same CSV, so staff can edit it and upload it as the next version. */
export function matrixCsvRows(rules: readonly MatrixRule[]): string[][] {
  return rules.map((r) => [r.professionCode, r.specialty ?? '', r.targetKind, r.targetCode, r.decision]);
}
