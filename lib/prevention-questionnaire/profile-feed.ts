import type { Transaction } from 'kysely';
import type { DB } from '@/db/schema';
import type { Actor } from '@/lib/access/actor';
import { addMeasure } from '@/lib/measures/add-measure';
import { deleteMeasure } from '@/lib/measures/delete-measure';
import { parisFormDefaults, parisIsoDay } from '@/lib/measures/paris-time';
import { addEntry } from '@/lib/medical-profile/add-entry';
import { deleteEntry } from '@/lib/medical-profile/delete-entry';
import { editEntry } from '@/lib/medical-profile/edit-entry';
import type { Band } from './questions';
import { lifestyleTexts, measureValues } from './summary';
import type { Answers } from './validate-answers';

export type Feed = {
  profileId: string; band: Band; answers: Answers;
  /** The questionnaire's new document, and the versions it replaces (DOC-11). */
  documentId: string; previousVersions: readonly string[];
  /** The measures the previous answers entered. */
  previousMeasureIds: readonly string[];
};

/**
 * PRV-10: the answers feed the profil médical, in the questionnaire's transaction and through the
 * profil médical's and the measures' own use cases (checks and traces included):
 * - one « Habitudes de vie » entry per category answered (PRF-1: one per category). The entry is the
 *   profile's own when it has one (updated, not duplicated); an entry the questionnaire created, or had
 *   created for an older version, is linked to the new document (DOC-8), so deleting it removes them.
 * - weight and height as measures (MEA-1, MEA-2: source PATIENT); those of the previous answers are
 *   replaced. Returns the ids of the measures entered.
 */
export async function feedProfile(trx: Transaction<DB>, actor: Actor, feed: Feed, now: Date): Promise<string[]> {
  const texts = lifestyleTexts(feed.band, feed.answers, parisIsoDay(now));
  for (const [category, text] of Object.entries(texts)) {
    const existing = await trx.selectFrom('medical_entries').select(['id', 'document_id']).where('profile_id', '=', feed.profileId)
      .where('kind', '=', 'LIFESTYLE').where('unique_key', '=', category).executeTakeFirst();
    const fields = { category, text };
    let entryId: string;
    let ours: boolean;
    if (existing) {
      await editEntry(trx, actor, { profileId: feed.profileId, entryId: existing.id, fields }, now);
      entryId = existing.id;
      ours = existing.document_id !== null && feed.previousVersions.includes(existing.document_id);
    } else {
      ({ entryId } = await addEntry(trx, actor, { profileId: feed.profileId, kind: 'LIFESTYLE', fields }, now));
      ours = true;
    }
    // DOC-8: the link that makes the entry go with the questionnaire (edit-entry leaves a habit unlinked).
    if (ours) await trx.updateTable('medical_entries').set({ document_id: feed.documentId }).where('id', '=', entryId).execute();
  }
  // A category no longer answered: the entry the questionnaire had created goes.
  if (feed.previousVersions.length > 0) {
    const stale = await trx.selectFrom('medical_entries').select('id').where('profile_id', '=', feed.profileId).where('kind', '=', 'LIFESTYLE')
      .where('document_id', 'in', [...feed.previousVersions]).execute();
    for (const entry of stale) await deleteEntry(trx, actor, { profileId: feed.profileId, entryId: entry.id }, now);
  }
  await deleteQuestionnaireMeasures(trx, actor, feed.profileId, feed.previousMeasureIds, now);
  const { date, time } = parisFormDefaults(now);
  const ids: string[] = [];
  for (const m of measureValues(feed.band, feed.answers)) {
    const value = String(m.value).replace('.', ',');
    ids.push((await addMeasure(trx, actor, { profileId: feed.profileId, type: m.type, value, date, time }, now)).measureId);
  }
  return ids;
}

/** MEA-2: the measures a questionnaire entered that are still there (the holder may have deleted some). */
export async function deleteQuestionnaireMeasures(trx: Transaction<DB>, actor: Actor, profileId: string, measureIds: readonly string[], now: Date) {
  if (measureIds.length === 0) return;
  const still = await trx.selectFrom('measures').select('id').where('profile_id', '=', profileId).where('source', '=', 'PATIENT')
    .where('id', 'in', [...measureIds]).execute();
  for (const m of still) await deleteMeasure(trx, actor, { profileId, measureId: m.id }, now);
}
