import { parisLocalToUtc } from '@/lib/measures/paris-time';

/**
 * AUD-4: the tabs of "Historique d’activité", by actor type, and the filters of the page and of its
 * downloads (AUD-5). Pure: parsing, Paris day bounds and the query string that carries them.
 * "Toute l’activité" (no actor filter) is a project choice added before the four tabs of AUD-4;
 * `filterLabel` names the same group in the "Type d’acteur" filter and in the downloads.
 */
export const HISTORY_TABS = {
  tout: { label: 'Toute l’activité', filterLabel: 'Tous les acteurs', actorTypes: null },
  'mes-actions': { label: 'Mes actions', filterLabel: 'Moi et mes proches', actorTypes: ['PATIENT', 'ENROLMENT'] },
  professionnels: { label: 'Professionnels', filterLabel: 'Professionnels de santé', actorTypes: ['HEALTHCARE_PROFESSIONAL', 'HEALTHCARE_FACILITY'] },
  'services-synchronises': { label: 'Services synchronisés', filterLabel: 'Services', actorTypes: ['SERVICE_TIERS'] },
  'assurance-maladie': { label: 'Assurance Maladie et accompagnement', filterLabel: 'Assurance Maladie et France Services', actorTypes: ['SUPPORT', 'SYSTEM'] },
} as const satisfies Record<string, { label: string; filterLabel: string; actorTypes: readonly string[] | null }>;
export type HistoryTab = keyof typeof HISTORY_TABS;
export const DEFAULT_HISTORY_TAB: HistoryTab = 'tout';

/** The group (tab) a trace belongs to, by its actor type: for the "Type d’acteur" column of the downloads. */
export function actorGroupLabel(actorType: string): string {
  const tab = (Object.keys(HISTORY_TABS) as HistoryTab[]).find((k) => (HISTORY_TABS[k].actorTypes as readonly string[] | null)?.includes(actorType));
  return tab ? HISTORY_TABS[tab].filterLabel : actorType;
}

/** What the reader asked for: a tab (actor type) and a period of Europe/Paris days, both bounds included. */
export type HistoryFilters = { tab: HistoryTab; from?: string; to?: string };
export type HistoryFilterError = { field: 'du' | 'au'; message: string };
type Search = { onglet?: string | string[]; du?: string | string[]; au?: string | string[] };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : undefined);

/** A real calendar day typed as YYYY-MM-DD (what <input type="date"> sends), else undefined. */
function isoDay(v: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && v >= '1900-01-01' ? v : undefined;
}

/** `?onglet=&du=&au=` → filters; an unreadable or reversed period is reported and left out of the query. */
export function parseHistoryFilters(search: Search): { filters: HistoryFilters; errors: HistoryFilterError[] } {
  const onglet = one(search.onglet);
  const tab = onglet && onglet in HISTORY_TABS ? (onglet as HistoryTab) : DEFAULT_HISTORY_TAB;
  const errors: HistoryFilterError[] = [];
  const day = (field: 'du' | 'au', label: string) => {
    const raw = one(search[field]);
    if (!raw) return undefined;
    const parsed = isoDay(raw);
    if (!parsed) errors.push({ field, message: `La date « ${label} » n’est pas valide : saisissez une date au format jj/mm/aaaa.` });
    return parsed;
  };
  let from = day('du', 'Du');
  let to = day('au', 'Au');
  if (from && to && from > to) {
    errors.push({ field: 'au', message: 'La date « Au » doit être le même jour que la date « Du » ou après.' });
    from = undefined;
    to = undefined;
  }
  return { filters: { tab, ...(from && { from }), ...(to && { to }) }, errors };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Conventions (time): the period as UTC instants, [00:00 Paris of `from`, 00:00 Paris of the day after `to`). */
export function periodBounds(filters: Pick<HistoryFilters, 'from' | 'to'>): { fromAt?: Date; toAt?: Date } {
  return {
    ...(filters.from && { fromAt: parisLocalToUtc(filters.from, '00:00') }),
    ...(filters.to && { toAt: parisLocalToUtc(nextDay(filters.to), '00:00') }),
  };
}

/** The query-string parameters that carry the filters (defaults left out), for links that must keep them. */
export function filterParams(filters: HistoryFilters): Record<string, string> {
  return {
    ...(filters.tab !== DEFAULT_HISTORY_TAB && { onglet: filters.tab }),
    ...(filters.from && { du: filters.from }),
    ...(filters.to && { au: filters.to }),
  };
}

const dayFr = (day: string) => day.split('-').reverse().join('/');

/** « du 01/11/2026 au 30/11/2026 », « depuis le … », « jusqu’au … » or « toute la période ». */
export function describePeriod(filters: Pick<HistoryFilters, 'from' | 'to'>): string {
  if (filters.from && filters.to) return `du ${dayFr(filters.from)} au ${dayFr(filters.to)}`;
  if (filters.from) return `depuis le ${dayFr(filters.from)}`;
  if (filters.to) return `jusqu’au ${dayFr(filters.to)}`;
  return 'toute la période';
}
