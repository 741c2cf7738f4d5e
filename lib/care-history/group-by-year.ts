import type { CareCategory } from '@/db/schema';

export type CareEpisode = { id: string; careDate: string; category: CareCategory; label: string; prescriberSpecialty: string | null };
export type EpisodeYear<E extends CareEpisode = CareEpisode> = { year: string; episodes: E[] };

/** HIS-1: episodes (already newest first) grouped by calendar year of care, newest year first. */
export function groupByYear<E extends CareEpisode>(episodes: readonly E[]): EpisodeYear<E>[] {
  const years: EpisodeYear<E>[] = [];
  for (const e of episodes) {
    const year = e.careDate.slice(0, 4);
    const last = years[years.length - 1];
    if (last?.year === year) last.episodes.push(e);
    else years.push({ year, episodes: [e] });
  }
  return years;
}
