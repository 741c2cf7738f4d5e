import type { CareCategory } from '@/db/schema';

/**
 * HIS-7 as pure rules: which episodes one tap copies into the profil médical, into which section, with
 * which pre-filled fields, and the words the patient side reads about it.
 */
export type CopyKind = 'TREATMENT' | 'VACCINATION';

const TARGETS: Partial<Record<CareCategory, CopyKind>> = { MEDICINE: 'TREATMENT', VACCINE: 'VACCINATION' };

/** MEDICINE → Traitements, VACCINE → Vaccinations; every other category stays in the history only. */
export const copyKindOf = (category: CareCategory): CopyKind | undefined => TARGETS[category];

/**
 * The entry's form fields from the episode: its label names the medicine or vaccine (the CIP13 then
 * comes from the medicines list when the name is listed, PRF-1), its date starts the treatment or dates
 * the vaccination. An episode does not say which dose it was: « dose unique ou non précisée ».
 */
export function fieldsFromEpisode(kind: CopyKind, episode: { label: string; careDate: string }): Record<string, string> {
  return kind === 'TREATMENT'
    ? { name: episode.label, startDate: episode.careDate }
    : { vaccine: episode.label, date: episode.careDate, type: 'IMMUNIZ' };
}

const SECTION: Record<CopyKind, { slug: string; mine: string; yours: string; theirs: string }> = {
  TREATMENT: { slug: 'traitements', mine: 'mes traitements', yours: 'vos traitements', theirs: 'ses traitements' },
  VACCINATION: { slug: 'vaccinations', mine: 'mes vaccinations', yours: 'vos vaccinations', theirs: 'ses vaccinations' },
};

/** The section's page slug in the profil médical. */
export const copySectionSlug = (kind: CopyKind) => SECTION[kind].slug;

/** The words of the button, its outcome and its « already done » state, for the holder or a represented profile. */
export function copyWording(kind: CopyKind, own: boolean) {
  const { mine, yours, theirs } = SECTION[kind];
  return {
    button: `Ajouter à ${own ? mine : theirs}`,
    done: `Ajouté à ${own ? yours : theirs}`,
    already: `Déjà dans ${own ? yours : theirs}`,
    link: `Voir ${own ? mine : theirs}`,
  };
}
