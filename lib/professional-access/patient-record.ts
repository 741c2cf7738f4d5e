import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { AccessDeniedError } from '@/lib/errors';
import { listCareEpisodes } from '@/lib/care-history/list-episodes';
import { ENTRY_COLUMNS, toEntry } from '@/lib/medical-profile/entry-rows';
import { PROFESSIONAL_READABLE_KINDS } from '@/lib/medical-profile/sections';
import { noticeProfessionalAccess, traceProfessionalRead } from './access-notice';
import { ensurePatient, type Channel } from './patient-gate';

/** The record's home for a professional: who, the authorisation or emergency grant, the mode; no medical data. */
export async function openPatientRecord(db: Db, actor: ProfessionalActor, profileId: string, now: Date, channel: Channel) {
  return ensurePatient(db, actor, profileId, 'patient.open', 'patient.open', now, channel);
}

/**
 * PRO-11: the profil médical sections a professional reaches directly — vaccinations, entourage et
 * volontés (other sections only through a filed Synthèse médicale, PRF-6). Vaccinations follow the
 * matrix's CAR_VAC row (PRO-9). Traced `medical.read` in the access's mode, with the NOT-2 notice.
 */
export async function readPatientSections(db: Db, actor: ProfessionalActor, profileId: string, now: Date, channel: Channel) {
  const access = await ensurePatient(db, actor, profileId, 'patient.open', 'medical.read', now, channel);
  const kinds = PROFESSIONAL_READABLE_KINDS.filter((k) => k !== 'VACCINATION' || access.matrixAllows({ category: 'CAR_VAC' }));
  const entries = await db.selectFrom('medical_entries').select(ENTRY_COLUMNS).where('profile_id', '=', profileId)
    .where('kind', 'in', [...kinds]).orderBy('seq').limit(2_000).execute();
  await traceProfessionalRead(db, { actor, action: 'medical.read', profileId, at: now, mode: access.mode, channel });
  return { access, entries: entries.map(toEntry), vaccinationsAllowed: kinds.includes('VACCINATION') };
}

/**
 * HIS-4, HIS-5: Mon histoire de santé for a professional, under the gate and the matrix's REMB row. When
 * the record is open but the history is not visible (48 h delay, mask-all, matrix), `hidden` says why
 * (the refusal is traced by listCareEpisodes).
 */
export async function readPatientCareHistory(db: Db, actor: ProfessionalActor, profileId: string, filters: { category?: string; after?: string },
  now: Date, channel: Channel) {
  const access = await ensurePatient(db, actor, profileId, 'patient.open', 'care-history.read', now, channel);
  try {
    const history = await listCareEpisodes(db, actor, profileId, filters, now, { ...access.pro, matrixAllows: access.matrixAllows({ category: 'REMB' }) });
    if (access.mode === 'NORMAL') await db.transaction().execute((trx) => noticeProfessionalAccess(trx, actor, profileId, now));
    return { access, history, hidden: null };
  } catch (error) {
    if (error instanceof AccessDeniedError) return { access, history: null, hidden: error.message };
    throw error;
  }
}
