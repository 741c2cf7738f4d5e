/**
 * PRO-9: the matrice d'habilitation's decision, pure. The most specific row wins:
 * profession + specialty + type code > profession + type code > profession + specialty + category >
 * profession + category; no row at all → DENY ("unknown combinations are denied").
 */
export type TargetKind = 'TYPE' | 'CATEGORY';
export type MatrixDecision = 'ALLOW' | 'DENY';

export type MatrixRule = {
  professionCode: string;
  specialty: string | null;
  targetKind: TargetKind;
  targetCode: string;
  decision: MatrixDecision;
};

/** What a professional use case asks: this profession (and specialty), this document's type code and category. */
export type MatrixQuestion = { professionCode: string; specialty?: string | null; typeCode?: string | null; category: string };

/** A version's rules indexed by their full key, built once per version (a version never changes). */
export type CompiledMatrix = ReadonlyMap<string, MatrixRule>;

const key = (profession: string, specialty: string | null | undefined, kind: TargetKind, code: string) =>
  `${profession}\u0000${specialty ?? ''}\u0000${kind}\u0000${code}`;

export function compileMatrix(rules: readonly MatrixRule[]): CompiledMatrix {
  return new Map(rules.map((r) => [key(r.professionCode, r.specialty, r.targetKind, r.targetCode), r]));
}

/** The deciding row (null when none matches, i.e. DENY) and the decision. */
export function decide(matrix: CompiledMatrix, q: MatrixQuestion): { decision: MatrixDecision; rule: MatrixRule | null } {
  const specialty = q.specialty?.trim() || null;
  const candidates: [string | null, TargetKind, string | null | undefined][] = [
    [specialty, 'TYPE', q.typeCode],
    [null, 'TYPE', q.typeCode],
    [specialty, 'CATEGORY', q.category],
    [null, 'CATEGORY', q.category],
  ];
  for (const [spec, kind, code] of candidates) {
    if (!code) continue; // without a specialty the first and third lookups repeat the next ones: harmless
    const rule = matrix.get(key(q.professionCode, spec, kind, code));
    if (rule) return { decision: rule.decision, rule };
  }
  return { decision: 'DENY', rule: null };
}

/** A version as far as choosing it goes. */
export type VersionDates = { number: number; effectiveFrom: Date };

/** PRO-9: the version in force at `now` — the latest effective date not after `now` (the higher number on a tie). */
export function versionInForceAt<V extends VersionDates>(versions: readonly V[], now: Date): V | undefined {
  let best: V | undefined;
  for (const v of versions) {
    if (v.effectiveFrom.getTime() > now.getTime()) continue;
    if (!best || v.effectiveFrom.getTime() > best.effectiveFrom.getTime()
      || (v.effectiveFrom.getTime() === best.effectiveFrom.getTime() && v.number > best.number)) best = v;
  }
  return best;
}

/**
 * PRO-9 for one profession (and specialty), as sets a database filter can use: the type codes whose own
 * row allows, every type code that has a row (its row decides, not its category's), and the categories
 * allowed. `scopeAllows` gives exactly `decide` for any document (a unit test holds them equal).
 */
export type MatrixScope = { allowTypes: string[]; listedTypes: string[]; allowCategories: string[] };

export function matrixScope(matrix: CompiledMatrix, professionCode: string, specialty: string | null | undefined): MatrixScope {
  const spec = specialty?.trim() || null;
  const types = new Map<string, MatrixDecision>();
  const categories = new Map<string, MatrixDecision>();
  // Less specific first, so the specialty's row overrides the profession's.
  const rows = [...matrix.values()].filter((r) => r.professionCode === professionCode && (r.specialty === null || r.specialty === spec))
    .sort((a, b) => (a.specialty === null ? 0 : 1) - (b.specialty === null ? 0 : 1));
  for (const r of rows) (r.targetKind === 'TYPE' ? types : categories).set(r.targetCode, r.decision);
  return {
    allowTypes: [...types].filter(([, d]) => d === 'ALLOW').map(([c]) => c),
    listedTypes: [...types.keys()],
    allowCategories: [...categories].filter(([, d]) => d === 'ALLOW').map(([c]) => c),
  };
}

export function scopeAllows(scope: MatrixScope, doc: { typeCode?: string | null; category: string }): boolean {
  if (doc.typeCode && scope.listedTypes.includes(doc.typeCode)) return scope.allowTypes.includes(doc.typeCode);
  return scope.allowCategories.includes(doc.category);
}
