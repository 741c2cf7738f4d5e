/** Residence départements of the French health-insurance population: 01–95 (Corsica as 2A/2B), DROM. */
const metropolitan = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((d) => d !== '20');
export const DEPARTEMENTS: ReadonlySet<string> = new Set([...metropolitan, '2A', '2B', '971', '972', '973', '974', '976']);

export function normalizeDepartement(input: string): string {
  const d = input.trim().toUpperCase();
  return /^\d$/.test(d) ? `0${d}` : d;
}
