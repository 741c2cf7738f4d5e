import type { EntryKind } from './vocabulary';

/**
 * PRF-1: the sections of the profil médical, in the order users see them. `kinds` are the entry kinds
 * a section holds (none for sections made of documents or links); `single` sections hold one value.
 */
export type Section = {
  code: SectionCode;
  slug: string;
  label: string;
  lead: string;
  kinds: readonly EntryKind[];
};

export const SECTIONS = [
  { code: 'ALLERGIES', slug: 'allergies', label: 'Allergies', kinds: ['ALLERGY'],
    lead: 'Vos allergies et intolérances connues (médicaments, aliments, pollens…).' },
  { code: 'CONDITIONS', slug: 'maladies', label: 'Maladies et sujets de santé', kinds: ['CONDITION'],
    lead: 'Vos maladies, actuelles ou passées, et les sujets de santé à connaître.' },
  { code: 'HOSPITALISATIONS', slug: 'hospitalisations', label: 'Hospitalisations', kinds: ['HOSPITALISATION'],
    lead: 'Vos séjours à l’hôpital ou en clinique. Vous pouvez y lier un document, comme le compte rendu.' },
  { code: 'TREATMENTS', slug: 'traitements', label: 'Traitements', kinds: ['TREATMENT'],
    lead: 'Les médicaments que vous prenez ou avez pris.' },
  { code: 'VACCINATIONS', slug: 'vaccinations', label: 'Vaccinations', kinds: ['VACCINATION'],
    lead: 'Vos vaccins. Ceux enregistrés par un professionnel de santé ne peuvent pas être modifiés ici.' },
  { code: 'FAMILY_HISTORY', slug: 'antecedents-familiaux', label: 'Antécédents familiaux', kinds: ['FAMILY_HISTORY'],
    lead: 'Les maladies de vos proches parents utiles à votre suivi.' },
  { code: 'DISABILITIES', slug: 'handicaps', label: 'Handicaps', kinds: ['DISABILITY'],
    lead: 'Vos situations de handicap, leur taux d’incapacité et le besoin d’une aide humaine.' },
  { code: 'BLOOD_GROUP', slug: 'groupe-sanguin', label: 'Groupe sanguin', kinds: ['BLOOD_GROUP'],
    lead: 'Votre groupe sanguin, tel qu’indiqué sur votre carte de groupe sanguin.' },
  { code: 'MEASURES', slug: 'mesures', label: 'Mesures', kinds: [],
    lead: 'Poids, taille, tension, glycémie… sont suivis dans la rubrique Mesures.' },
  { code: 'LIFESTYLE', slug: 'habitudes-de-vie', label: 'Habitudes de vie', kinds: ['LIFESTYLE'],
    lead: 'Alimentation, activité physique, sommeil, écrans, alcool, tabac.' },
  { code: 'ENTOURAGE', slug: 'entourage-et-volontes', label: 'Entourage et volontés', kinds: ['CONTACT', 'ORGAN_DONATION'],
    lead: 'Les personnes à contacter, votre personne de confiance et votre position sur le don d’organes.' },
  { code: 'PROFESSIONALS', slug: 'professionnels-de-sante', label: 'Mes professionnels de santé', kinds: ['PROFESSIONAL'],
    lead: 'Votre médecin traitant, votre pharmacien correspondant et votre sage-femme référente.' },
  { code: 'DIRECTIVES', slug: 'directives-anticipees', label: 'Directives anticipées', kinds: [],
    lead: 'Vos volontés sur votre fin de vie, si vous ne pouviez plus les exprimer.' },
  { code: 'ADMIN_DOCUMENTS', slug: 'documents-administratifs', label: 'Documents administratifs', kinds: [],
    lead: 'Vos pièces administratives : attestations, justificatifs, cartes.' },
  { code: 'QUESTIONNAIRES', slug: 'questionnaires-de-prevention', label: 'Questionnaires de prévention', kinds: [],
    lead: 'Les questionnaires de prévention que vous avez remplis.' },
] as const satisfies readonly (Omit<Section, 'code'> & { code: string })[];

export type SectionCode = (typeof SECTIONS)[number]['code'];
export const SECTION_CODES = SECTIONS.map((s) => s.code) as SectionCode[];
export const isSectionCode = (v: string): v is SectionCode => (SECTION_CODES as string[]).includes(v);
export const sectionBySlug = (slug: string): Section | undefined => SECTIONS.find((s) => s.slug === slug);
export const section = (code: SectionCode): Section => SECTIONS.find((s) => s.code === code)!;
/** The sections edited through entries (one page with add / edit / delete forms each). */
export const ENTRY_SECTIONS: readonly Section[] = SECTIONS.filter((s) => s.kinds.length > 0);
export const sectionOfKind = (kind: EntryKind): Section => ENTRY_SECTIONS.find((s) => s.kinds.includes(kind))!;

/** Kinds holding one value per profile (the form edits it rather than adding a second). */
export const SINGLE_VALUE_KINDS: readonly EntryKind[] = ['BLOOD_GROUP', 'ORGAN_DONATION'];

/**
 * PRO-11: what professionals reach directly (vaccinations, entourage et volontés); every other section
 * only through a filed Synthèse médicale (PRF-6).
 */
export const PROFESSIONAL_READABLE_KINDS: readonly EntryKind[] = ['VACCINATION', 'CONTACT', 'ORGAN_DONATION'];
