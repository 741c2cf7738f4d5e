import type { PayloadOf } from './entry-schemas';
import {
  BLOOD_GROUPS, CONTACT_TYPES, DISABILITY_RATES, DISABILITY_TYPES, FAMILY_RELATIONSHIPS, LIFESTYLE_CATEGORIES,
  ORGAN_DONATION_POSITIONS, PROFESSIONAL_ROLES, VACCINATION_TYPES, type EntryKind,
} from './vocabulary';

/** « 03/03/2026 » from '2026-03-03'. */
export const frenchDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * How one entry reads in French, wherever it shows (section pages, overview, Synthèse médicale, the
 * DOC-8 confirmation): a title and its details, empty details left out. Pure.
 */
export function describeEntry(kind: EntryKind, payload: Record<string, unknown>): { title: string; details: string[] } {
  const details = (...items: (string | false | null | undefined)[]) => items.filter((i): i is string => !!i);
  switch (kind) {
    case 'ALLERGY': {
      const p = payload as PayloadOf<'ALLERGY'>;
      return { title: p.name, details: details(p.reaction && `Réaction : ${p.reaction}`, p.since && `Depuis le ${frenchDate(p.since)}`) };
    }
    case 'CONDITION': {
      const p = payload as PayloadOf<'CONDITION'>;
      return { title: p.name, details: details(p.since && `Depuis le ${frenchDate(p.since)}`, p.notes) };
    }
    case 'HOSPITALISATION': {
      const p = payload as PayloadOf<'HOSPITALISATION'>;
      const when = p.endDate ? `Du ${frenchDate(p.startDate!)} au ${frenchDate(p.endDate)}` : `Entrée le ${frenchDate(p.startDate!)}`;
      return { title: p.reason, details: details(when, p.facility && `Établissement : ${p.facility}`) };
    }
    case 'TREATMENT': {
      const p = payload as PayloadOf<'TREATMENT'>;
      const period = p.startDate && p.endDate ? `Du ${frenchDate(p.startDate)} au ${frenchDate(p.endDate)}`
        : p.startDate ? `Depuis le ${frenchDate(p.startDate)}` : p.endDate ? `Jusqu’au ${frenchDate(p.endDate)}` : null;
      return { title: p.name, details: details(p.dosage && `Posologie : ${p.dosage}`, period, p.cip13 && `Code CIP : ${p.cip13}`) };
    }
    case 'VACCINATION': {
      const p = payload as PayloadOf<'VACCINATION'>;
      return { title: p.vaccine, details: details(`Le ${frenchDate(p.date!)}`, VACCINATION_TYPES[p.type], p.batch && `Lot : ${p.batch}`,
        p.cip13 && `Code CIP : ${p.cip13}`) };
    }
    case 'FAMILY_HISTORY': {
      const p = payload as PayloadOf<'FAMILY_HISTORY'>;
      return { title: p.condition, details: details(`Chez : ${FAMILY_RELATIONSHIPS[p.relationship].toLowerCase()}`, p.notes) };
    }
    case 'DISABILITY': {
      const p = payload as PayloadOf<'DISABILITY'>;
      return { title: DISABILITY_TYPES[p.type], details: details(`Taux d’incapacité : ${DISABILITY_RATES[p.rate].toLowerCase()}`,
        p.humanHelp ? 'Aide humaine nécessaire' : 'Pas d’aide humaine nécessaire', p.notes) };
    }
    case 'BLOOD_GROUP': {
      const p = payload as PayloadOf<'BLOOD_GROUP'>;
      return { title: BLOOD_GROUPS[p.group], details: [] };
    }
    case 'LIFESTYLE': {
      const p = payload as PayloadOf<'LIFESTYLE'>;
      return { title: LIFESTYLE_CATEGORIES[p.category], details: [p.text] };
    }
    case 'CONTACT': {
      const p = payload as PayloadOf<'CONTACT'>;
      return { title: `${p.firstName} ${p.lastName}`, details: details(CONTACT_TYPES[p.type], p.relationship && `Lien : ${p.relationship}`,
        `Téléphone : ${p.phone}`, p.email && `E-mail : ${p.email}`) };
    }
    case 'ORGAN_DONATION': {
      const p = payload as PayloadOf<'ORGAN_DONATION'>;
      return { title: 'Don d’organes', details: [ORGAN_DONATION_POSITIONS[p.position]] };
    }
    case 'PROFESSIONAL': {
      const p = payload as PayloadOf<'PROFESSIONAL'>;
      return { title: `${PROFESSIONAL_ROLES[p.role]} : ${p.name}`, details: details(p.address, p.phone && `Téléphone : ${p.phone}`) };
    }
  }
}

/** One line: « Pénicilline — Réaction : urticaire — Depuis le 03/03/2001 ». */
export const entryLine = (kind: EntryKind, payload: Record<string, unknown>) => {
  const { title, details } = describeEntry(kind, payload);
  return [title, ...details].join(' — ');
};

/** The stored payload as the values of its edit form (dates stay ISO: the date inputs take them). */
export function formValuesOf(kind: EntryKind, payload: Record<string, unknown>, documentId: string | null): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(payload)) {
    if (v === null || v === undefined) continue;
    values[k] = typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v);
  }
  if (documentId) values.documentId = documentId;
  return values;
}
