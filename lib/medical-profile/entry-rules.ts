import type { AnyPayload } from './entry-schemas';
import { CONTACT_TYPES, LIFESTYLE_CATEGORIES, PROFESSIONAL_ROLES, type EntryKind, type LifestyleCategory, type ProfessionalRole } from './vocabulary';

/**
 * Pure rules of the profil médical that span entries: what may exist only once per profile, and what
 * the patient side may change (PRF-2, PRF-3, PRF-5).
 */

/**
 * The key under which an entry must be alone on its profile, or null: the blood group and the
 * organ-donation position (one value each), one habit per category, one personne de confiance (PRF-5),
 * one professional per PRF-3 role. The database holds the same rule (unique index on the key).
 */
export function uniqueKeyOf(kind: EntryKind, payload: AnyPayload): string | null {
  const p = payload as Record<string, unknown>;
  switch (kind) {
    case 'BLOOD_GROUP':
    case 'ORGAN_DONATION':
      return kind;
    case 'LIFESTYLE':
      return String(p.category);
    case 'CONTACT':
      return p.type === 'TRUSTED_CONTACT' ? 'TRUSTED_CONTACT' : null;
    case 'PROFESSIONAL':
      return String(p.role);
    default:
      return null;
  }
}

const ROLE_TAKEN: Record<ProfessionalRole, string> = {
  MEDECIN_TRAITANT: `Un ${PROFESSIONAL_ROLES.MEDECIN_TRAITANT.toLowerCase()} est déjà indiqué : un seul est possible. Modifiez ou supprimez celui-ci.`,
  PHARMACIEN_CORRESPONDANT: `Un ${PROFESSIONAL_ROLES.PHARMACIEN_CORRESPONDANT.toLowerCase()} est déjà indiqué : un seul est possible. Modifiez ou supprimez celui-ci.`,
  SAGE_FEMME_REFERENTE: `Une ${PROFESSIONAL_ROLES.SAGE_FEMME_REFERENTE.toLowerCase()} est déjà indiquée : une seule est possible. Modifiez ou supprimez celle-ci.`,
};

/** Why a second entry with the same key is refused, in French, on the field that chose the key. */
export function duplicateError(kind: EntryKind, key: string): { field: string; message: string } {
  switch (kind) {
    case 'BLOOD_GROUP':
      return { field: 'group', message: 'Un groupe sanguin est déjà enregistré : modifiez-le plutôt que d’en ajouter un second.' };
    case 'ORGAN_DONATION':
      return { field: 'position', message: 'Votre position sur le don d’organes est déjà enregistrée : modifiez-la.' };
    case 'LIFESTYLE':
      return { field: 'category', message: `Une habitude « ${LIFESTYLE_CATEGORIES[key as LifestyleCategory] ?? key} » est déjà enregistrée : modifiez-la plutôt que d’en ajouter une seconde.` };
    case 'CONTACT':
      return { field: 'type', message: `Vous avez déjà désigné une ${CONTACT_TYPES.TRUSTED_CONTACT.toLowerCase()} : une seule est possible. Modifiez ou supprimez la première.` };
    case 'PROFESSIONAL':
      return { field: 'role', message: ROLE_TAKEN[key as ProfessionalRole] ?? 'Ce professionnel est déjà indiqué.' };
    default:
      return { field: 'form', message: 'Cette information est déjà enregistrée.' };
  }
}

/**
 * The key already taken by another entry of the profile, if any. `entryId` is the entry being edited
 * (it may keep its own key).
 */
export function takenKey(existing: readonly { id: string; kind: EntryKind; uniqueKey: string | null }[],
  candidate: { kind: EntryKind; uniqueKey: string | null }, entryId?: string): boolean {
  if (candidate.uniqueKey === null) return false;
  return existing.some((e) => e.id !== entryId && e.kind === candidate.kind && e.uniqueKey === candidate.uniqueKey);
}

/** PRF-2: entries written by a professional (vaccinations) are read-only for the patient side. */
export const patientMayChange = (entry: { source: 'PATIENT' | 'PS' }) => entry.source === 'PATIENT';
