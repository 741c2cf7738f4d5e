import { sql, type Transaction } from 'kysely';
import type { DB } from '@/db/schema';

export type MovedRecord = Record<'documents' | 'folders' | 'measures' | 'targets' | 'entries' | 'episodes' | 'notifications' | 'blocks', number>;

/**
 * BO-4: the record of a merged duplicate joins the profile kept, in the merge's transaction: documents
 * (with their masks, DOC/VIS flags and files untouched) and folders, measures and targets, profil médical,
 * care history, notifications and blocked professionals. Where the kept profile already holds the one
 * item a rule allows (a folder of that name, current directives anticipées, a single-valued PRF entry, a
 * target for that measure, a block of that PS), the kept profile's item wins and the duplicate's stays in
 * its archive. Privacy switches and emergency toggles stay those of the kept profile.
 */
export async function moveRecord(trx: Transaction<DB>, fromId: string, toId: string): Promise<MovedRecord> {
  const count = (r: { numAffectedRows?: bigint }) => Number(r.numAffectedRows ?? 0);
  // Documents filed in a folder whose name the kept profile also uses go to the kept folder.
  await sql`update documents d set folder_id = kf.id from document_folders df
    join document_folders kf on kf.profile_id = ${toId} and kf.name = df.name
    where d.folder_id = df.id and df.profile_id = ${fromId}`.execute(trx);
  const folders = await sql`update document_folders set profile_id = ${toId} where profile_id = ${fromId}
    and name not in (select name from document_folders where profile_id = ${toId})`.execute(trx);
  const documents = await sql`update documents set profile_id = ${toId} where profile_id = ${fromId}
    and not (category = 'DIR_ANT' and status = 'ACTIVE'
      and exists (select 1 from documents k where k.profile_id = ${toId} and k.category = 'DIR_ANT' and k.status = 'ACTIVE'))`.execute(trx);
  const measures = await sql`update measures set profile_id = ${toId} where profile_id = ${fromId}`.execute(trx);
  const targets = await sql`update measure_targets set profile_id = ${toId} where profile_id = ${fromId}
    and type not in (select type from measure_targets where profile_id = ${toId})`.execute(trx);
  const entries = await sql`update medical_entries e set profile_id = ${toId} where e.profile_id = ${fromId}
    and not exists (select 1 from medical_entries k where k.profile_id = ${toId}
      and ((e.unique_key is not null and k.kind = e.kind and k.unique_key = e.unique_key)
        or (e.source_episode_id is not null and k.source_episode_id = e.source_episode_id)))`.execute(trx);
  const episodes = await sql`update care_episodes set profile_id = ${toId} where profile_id = ${fromId}`.execute(trx);
  const notifications = await sql`update notifications set profile_id = ${toId} where profile_id = ${fromId}`.execute(trx);
  const blocks = await sql`update professional_blocks b set profile_id = ${toId} where b.profile_id = ${fromId}
    and (b.unblocked_at is not null or not exists (select 1 from professional_blocks k where k.profile_id = ${toId}
      and k.professional_id = b.professional_id and k.unblocked_at is null))`.execute(trx);
  return { documents: count(documents), folders: count(folders), measures: count(measures), targets: count(targets),
    entries: count(entries), episodes: count(episodes), notifications: count(notifications), blocks: count(blocks) };
}
