import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { closeDb, getDb } from '@/db/client';
import type { CareCategory } from '@/db/schema';
import type { Actor, PatientActor } from '@/lib/access/actor';
import { copyEpisode, EpisodeAlreadyCopiedError, EpisodeNotCopyableError } from '@/lib/care-history/copy-episode';
import { listCareEpisodes } from '@/lib/care-history/list-episodes';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { deleteEntry } from '@/lib/medical-profile/delete-entry';
import { readMedicalProfile } from '@/lib/medical-profile/read-profile';
import { aHolder as aHolderOf, anActivePatient, holderActor } from '../factories';

const db = getDb();
afterAll(() => closeDb());
const now = new Date('2026-12-01T09:00:00Z');

const aHolder = () => aHolderOf(db, now);

/** An episode as the reimbursement import stores it (HIS-1: nobody else writes them). */
async function anEpisode(profileId: string, category: CareCategory, label: string, careDate = '2026-10-14') {
  const row = await db.insertInto('care_episodes').values({ profile_id: profileId, claim_line_id: `his7-${randomUUID()}`, care_date: careDate,
    category, label, prescriber_specialty: 'Médecine générale', import_id: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const entriesOf = (profileId: string) => db.selectFrom('medical_entries').select(['id', 'kind', 'payload', 'source', 'created_by_account', 'source_episode_id'])
  .where('profile_id', '=', profileId).orderBy('seq').execute();
const tracesOf = (profileId: string, action: string) => db.selectFrom('access_events').select(['outcome', 'reason', 'target_type', 'target_id', 'actor_id'])
  .where('profile_id', '=', profileId).where('action', '=', action).orderBy('id').execute();

describe('HIS-7: one tap copies an episode into Traitements or Vaccinations', () => {
  test('HIS-7, PRF-2: a medicine becomes a patient-authored treatment from the episode (name, start date, CIP13), traced', async () => {
    const h = await aHolder();
    const episodeId = await anEpisode(h.profileId, 'MEDICINE', 'DOLIPRANE 1000 mg, comprimé effervescent sécable', '2026-10-14');
    const { entryId, kind } = await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now);
    expect(kind).toBe('TREATMENT');
    expect(await entriesOf(h.profileId)).toEqual([{ id: entryId, kind: 'TREATMENT', source: 'PATIENT', created_by_account: h.accountId, source_episode_id: episodeId,
      payload: { name: 'DOLIPRANE 1000 mg, comprimé effervescent sécable', dosage: null, startDate: '2026-10-14', endDate: null, cip13: '3400935294227' } }]);
    expect(await tracesOf(h.profileId, 'medical.add')).toEqual([{ outcome: 'OK', reason: null, target_type: 'medical_entry', target_id: entryId, actor_id: h.accountId }]);
    // The profil médical lists it in Traitements, editable like any entry the patient typed.
    expect((await readMedicalProfile(db, h.actor, h.profileId, now)).entries.map((e) => [e.kind, e.source])).toEqual([['TREATMENT', 'PATIENT']]);
  });

  test('HIS-7: a vaccine becomes a vaccination dated by the episode; an unlisted name keeps no CIP13', async () => {
    const h = await aHolder();
    const episodeId = await anEpisode(h.profileId, 'VACCINE', 'Vaccin contre la grippe saisonnière', '2025-10-17');
    await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now);
    expect((await entriesOf(h.profileId)).map((e) => [e.kind, e.payload])).toEqual([['VACCINATION',
      { vaccine: 'Vaccin contre la grippe saisonnière', date: '2025-10-17', type: 'IMMUNIZ', batch: null, cip13: null }]]);
  });

  test('HIS-7: a second copy of the same episode adds nothing, even two taps at once; the history then says it is there', async () => {
    const h = await aHolder();
    const episodeId = await anEpisode(h.profileId, 'MEDICINE', 'Amoxicilline 1 g, comprimé');
    const other = await anEpisode(h.profileId, 'MEDICINE', 'Ibuprofène 400 mg, comprimé');
    await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now);
    const again = await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(EpisodeAlreadyCopiedError);
    expect(again).toMatchObject({ message: 'Ce médicament est déjà dans les traitements du profil médical.' });
    const raced = await Promise.allSettled([1, 2, 3].map(() => copyEpisode(db, h.actor, { profileId: h.profileId, episodeId: other }, now)));
    expect(raced.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of raced) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(EpisodeAlreadyCopiedError);
    expect((await entriesOf(h.profileId)).map((e) => e.source_episode_id).sort()).toEqual([episodeId, other].sort());

    const listed = await listCareEpisodes(db, h.actor, h.profileId, {}, now);
    expect(listed.years.flatMap((y) => y.episodes).every((e) => e.copied)).toBe(true);
  });

  test('HIS-7: once the copied entry is deleted, the episode can be copied again', async () => {
    const h = await aHolder();
    const episodeId = await anEpisode(h.profileId, 'VACCINE', 'Vaccin contre la grippe saisonnière');
    const { entryId } = await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now);
    await deleteEntry(db, h.actor, { profileId: h.profileId, entryId }, now);
    expect((await listCareEpisodes(db, h.actor, h.profileId, {}, now)).years[0]!.episodes[0]!.copied).toBe(false);
    await copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now);
    expect(await entriesOf(h.profileId)).toHaveLength(1);
  });

  test('HIS-7: another profile’s episode (a guessed id) answers like an unknown one, is traced, and copies nothing', async () => {
    const h = await aHolder();
    const stranger = await aHolder();
    const theirs = await anEpisode(stranger.profileId, 'MEDICINE', 'Amoxicilline 1 g, comprimé');
    await expect(copyEpisode(db, h.actor, { profileId: h.profileId, episodeId: theirs }, now)).rejects.toBeInstanceOf(NotFoundError);
    // Asking on the other profile directly is refused by the policy, traced on that profile.
    await expect(copyEpisode(db, h.actor, { profileId: stranger.profileId, episodeId: theirs }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await entriesOf(h.profileId)).toEqual([]);
    expect(await entriesOf(stranger.profileId)).toEqual([]);
    expect(await tracesOf(h.profileId, 'medical.add')).toEqual([
      { outcome: 'DENIED', reason: 'not-found', target_type: 'care_episode', target_id: theirs, actor_id: h.accountId }]);
    expect(await tracesOf(stranger.profileId, 'medical.add')).toEqual([expect.objectContaining({ outcome: 'DENIED', actor_id: h.accountId })]);
  });

  test('HIS-7: a BIOLOGY episode cannot be copied (refused, traced, nothing stored)', async () => {
    const h = await aHolder();
    const episodeId = await anEpisode(h.profileId, 'BIOLOGY', 'Numération formule sanguine');
    await expect(copyEpisode(db, h.actor, { profileId: h.profileId, episodeId }, now)).rejects.toBeInstanceOf(EpisodeNotCopyableError);
    expect(await entriesOf(h.profileId)).toEqual([]);
    expect(await tracesOf(h.profileId, 'medical.add')).toEqual([expect.objectContaining({ outcome: 'DENIED', reason: 'not-copyable', target_id: episodeId })]);
  });

  test('HIS-7, REP-5: a representative copies into the represented profile; an advisor never can (FS-4)', async () => {
    const holder = await aHolder();
    const guardian = await anActivePatient(db, now);
    await db.insertInto('representations').values({ account_id: guardian.accountId, profile_id: holder.profileId, role: 'GUARDIAN',
      granted_at: now, revoked_at: null, granted_by: null, revoked_reason: null, revoked_by: null }).execute();
    const guardianActor: PatientActor = { ...holderActor(guardian), representedProfileIds: [holder.profileId] };
    const episodeId = await anEpisode(holder.profileId, 'VACCINE', 'Vaccin diphtérie, tétanos, coqueluche, poliomyélite');

    const advisor: Actor = { kind: 'ADVISOR', staffId: randomUUID(), siteId: randomUUID(), name: 'Conseillère' };
    await expect(copyEpisode(db, advisor, { profileId: holder.profileId, episodeId }, now)).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await entriesOf(holder.profileId)).toEqual([]);

    await copyEpisode(db, guardianActor, { profileId: holder.profileId, episodeId }, now);
    expect(await entriesOf(holder.profileId)).toEqual([expect.objectContaining({ kind: 'VACCINATION', source: 'PATIENT', created_by_account: guardian.accountId })]);
    expect((await tracesOf(holder.profileId, 'medical.add')).map((t) => t.outcome)).toEqual(['DENIED', 'OK']);
  });
});
