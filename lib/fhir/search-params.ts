import { FhirRequestError } from './errors';

/**
 * FHIR search parameter syntax, pure. Unknown parameters are refused (400) rather than ignored, so
 * that a software never believes a filter applied when it did not. `_format` is accepted (always JSON).
 */
const ALWAYS = ['_format'];

const bad = (diagnostics: string, expression?: string, code: 'invalid' | 'not-supported' = 'invalid') =>
  new FhirRequestError(400, { code, diagnostics, expression });

/** The single-valued parameters (repeating one is refused); `multi` may repeat and are read by the caller. */
export function singleParams<S extends string>(params: URLSearchParams, single: readonly S[], multi: readonly string[] = []): Partial<Record<S, string>> {
  for (const key of new Set(params.keys())) {
    if (ALWAYS.includes(key) || multi.includes(key)) continue;
    if (!(single as readonly string[]).includes(key)) {
      throw bad(`Paramètre de recherche non pris en charge : « ${key} ». Paramètres acceptés : ${[...single, ...multi].join(', ')}.`, key, 'not-supported');
    }
    if (params.getAll(key).length > 1) throw bad(`Le paramètre « ${key} » ne peut être donné qu’une fois.`, key);
  }
  const out: Partial<Record<S, string>> = {};
  for (const key of single) {
    const value = params.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}

/**
 * A token `system|code`, `|code` or `code`: the code, provided the system (when given) is the expected
 * one. One value only (no comma list).
 */
export function tokenCode(value: string, system: string, name: string): string {
  if (value.includes(',')) throw bad(`Le paramètre « ${name} » n’accepte qu’une valeur.`, name, 'not-supported');
  const bar = value.indexOf('|');
  const given = bar < 0 ? undefined : value.slice(0, bar);
  const code = (bar < 0 ? value : value.slice(bar + 1)).trim();
  if (given && given !== system) throw bad(`Système de codes inconnu pour « ${name} » : ${given} (attendu : ${system}).`, name, 'not-supported');
  if (!code) throw bad(`Le paramètre « ${name} » n’a pas de code.`, name);
  return code;
}

const DATE = /^(eq|ge|gt|le|lt)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;
const iso = (d: Date) => d.toISOString().slice(0, 10);
const day = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/**
 * `date` values (`ge2026-01-01`, `le2026-03`, `eq2026`, `gt…`, `lt…`; a date-time counts by its date) as one
 * inclusive range of dates; several values intersect. Year or month precision covers the whole period.
 */
export function dateRange(values: readonly string[], name = 'date'): { from?: string; to?: string } {
  let from: string | undefined;
  let to: string | undefined;
  for (const value of values) {
    const m = DATE.exec(value.trim());
    if (!m) throw bad(`Date de recherche invalide : « ${value} » (ex. ge2026-01-01, le2026-12-31 ; préfixes eq, ge, gt, le, lt).`, name);
    const [, prefix = 'eq', y, mo, d] = m;
    const year = Number(y);
    const month = mo ? Number(mo) : undefined;
    const first = day(year, month ?? 1, d ? Number(d) : 1);
    if (month !== undefined && (month < 1 || month > 12)) throw bad(`Date de recherche invalide : « ${value} ».`, name);
    if (d && first.getUTCDate() !== Number(d)) throw bad(`Date de recherche invalide : « ${value} ».`, name);
    const last = d ? first : month ? day(year, month + 1, 0) : day(year, 12, 31);
    const next = (x: Date) => new Date(x.getTime() + 86_400_000);
    const prev = (x: Date) => new Date(x.getTime() - 86_400_000);
    const lower = prefix === 'eq' || prefix === 'ge' ? iso(first) : prefix === 'gt' ? iso(next(last)) : undefined;
    const upper = prefix === 'eq' || prefix === 'le' ? iso(last) : prefix === 'lt' ? iso(prev(first)) : undefined;
    if (lower && (!from || lower > from)) from = lower;
    if (upper && (!to || upper < to)) to = upper;
  }
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}

/** `_count`: a page size from 1 to `max`. */
export function pageSize(value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max) throw bad(`_count doit être un entier de 1 à ${max}.`, '_count');
  return n;
}
