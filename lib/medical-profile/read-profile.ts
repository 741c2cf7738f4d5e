import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { patientDocumentScope, patientRole } from '@/lib/access/document-access';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { ENTRY_COLUMNS, toEntry } from './entry-rows';
import { PROFESSIONAL_READABLE_KINDS } from './sections';

/** A profile's entries are typed by hand: a generous bound, far above any real profile. */
const MAX_ENTRIES = 2_000;
const MAX_LINKED_DOCUMENTS = 200;

export type MedicalProfileOwner = { id: string; firstName: string; birthDate: string; own: boolean };

/**
 * The gate of every read (PRF-1; REP-5 representatives, AID-4 aidants; staff and advisors refused and
 * traced). Patient-side reads of one's own space are not traced one by one, like the other patient
 * pages; any other allowed reader (a professional) leaves a `medical.read` trace (AUD-1).
 */
async function openForReading(db: Db, actor: Actor, profileId: string, now: Date): Promise<MedicalProfileOwner> {
  const p = await ensureOnProfile(db, actor, 'profile.medical.read', profileId, 'medical.read', now);
  if (actor.kind !== 'PATIENT') await recordAccess(db, { actor, action: 'medical.read', profileId: p.id, at: now });
  return { id: p.id, firstName: p.firstName, birthDate: p.birth_date, own: actor.kind === 'PATIENT' && actor.ownProfileId === p.id };
}

/** The documents of a category this account may see on the profile (VIS-9, VIS-14 filtered in SQL). */
function visibleDocuments(db: Db, actor: Actor, profileId: string) {
  const role = actor.kind === 'PATIENT' ? patientRole(actor, profileId) : null;
  const scope = patientDocumentScope(role ?? 'AIDANT');
  let query = db.selectFrom('documents').select(['id', 'title', 'category', 'document_date', 'created_at', 'masque_ps'])
    .where('profile_id', '=', profileId).where('status', '=', 'ACTIVE');
  if (scope.hideInvisiblePatient) query = query.where('invisible_patient', '=', false);
  if (scope.hideInvisibleRepresentatives) query = query.where('invisible_representants_legaux', '=', false);
  return query;
}

/**
 * PRF-1: the whole profil médical of a profile: its entries in the order they were typed, the current
 * directives anticipées (PRF-4), the administrative documents and the prevention questionnaires.
 * A professional gets only the entries PRO-11 lets them reach directly, and no document.
 */
export async function readMedicalProfile(db: Db, actor: Actor, profileId: string, now: Date) {
  const profile = await openForReading(db, actor, profileId, now);
  let query = db.selectFrom('medical_entries').select(ENTRY_COLUMNS).where('profile_id', '=', profile.id);
  if (actor.kind !== 'PATIENT') query = query.where('kind', 'in', [...PROFESSIONAL_READABLE_KINDS]);
  const [entries, directives, adminDocuments, questionnaires] = await Promise.all([
    query.orderBy('seq').limit(MAX_ENTRIES).execute(),
    // Professionals open the directives as a document, through the document policy (VIS-3, PRO-9).
    actor.kind === 'PATIENT' ? visibleDocuments(db, actor, profile.id).where('category', '=', 'DIR_ANT').executeTakeFirst() : undefined,
    actor.kind === 'PATIENT'
      ? visibleDocuments(db, actor, profile.id).where('category', '=', 'DOC_ADM').orderBy('created_at', 'desc').limit(50).execute() : [],
    actor.kind === 'PATIENT'
      ? visibleDocuments(db, actor, profile.id).where('category', '=', 'QUEST_SANTE').orderBy('created_at', 'desc').limit(50).execute() : [],
  ]);
  return { profile, entries: entries.map(toEntry), directives, adminDocuments, questionnaires };
}

export type MedicalProfile = Awaited<ReturnType<typeof readMedicalProfile>>;

/** DOC-8: the documents a hospitalisation may be linked to (this account's view of the profile), newest first. */
export async function linkableDocuments(db: Db, actor: Actor, profileId: string, now: Date) {
  const profile = await openForReading(db, actor, profileId, now);
  return visibleDocuments(db, actor, profile.id).where('category', 'not in', ['DIR_ANT', 'SYNTH_PML'])
    .orderBy('created_at', 'desc').limit(MAX_LINKED_DOCUMENTS).execute();
}
