/**
 * PRF-1 "CIP lookup": a small list of medicines and vaccines with their CIP13 presentation code, offered
 * as suggestions while typing; anything else is kept as free text (no code). A real deployment loads
 * the Base de données publique des médicaments (file CIS_CIP_bdpm.txt) into a table instead.
 *
 * Demo data: each code was taken from a public page (Vidal, Journal officiel list of CIP7 codes, which
 * become CIP13 as 34009 + CIP7 + check digit) and passes the EAN-13 check; they were not checked against
 * the current BDPM and some presentations may no longer be sold.
 */
export type Medicine = { name: string; cip13: string; kind: 'MEDICINE' | 'VACCINE' };

export const MEDICINES: readonly Medicine[] = [
  { name: 'DOLIPRANE 1000 mg, comprimé effervescent sécable', cip13: '3400935294227', kind: 'MEDICINE' },
  { name: 'DOLIPRANE 500 mg, comprimé effervescent', cip13: '3400933071998', kind: 'MEDICINE' },
  { name: 'DESLORATADINE BIOGARAN 5 mg, comprimé pelliculé', cip13: '3400941999031', kind: 'MEDICINE' },
  { name: 'DOLODENT, solution gingivale', cip13: '3400921929201', kind: 'MEDICINE' },
  { name: 'BYETTA 5 microgrammes, solution injectable en stylo prérempli', cip13: '3400937809269', kind: 'MEDICINE' },
  { name: 'EXELON 4,6 mg/24 h, dispositif transdermique', cip13: '3400938194791', kind: 'MEDICINE' },
  { name: 'INFANRIX HEXA, poudre et suspension pour suspension injectable', cip13: '3400935495839', kind: 'VACCINE' },
];

/** EAN-13 check of a CIP13 (French presentations start with 3400). */
export function isCip13(code: string): boolean {
  if (!/^3400\d{9}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

const normalise = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim().toLowerCase();

/** The listed medicine (or vaccine) whose name is exactly the one typed, accents and case aside. */
export function lookupMedicine(name: string, kind: Medicine['kind']): Medicine | undefined {
  const wanted = normalise(name);
  return MEDICINES.find((m) => m.kind === kind && normalise(m.name) === wanted);
}

export const medicineSuggestions = (kind: Medicine['kind']) => MEDICINES.filter((m) => m.kind === kind).map((m) => m.name);
