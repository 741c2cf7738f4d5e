import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { patientRole } from '@/lib/access/document-access';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { parisIsoDay } from '@/lib/measures/paris-time';
import { bandOn } from './bands';
import type { Band } from './questions';
import { findQuestionnaire } from './questionnaire-rows';
import type { Answers } from './validate-answers';

export type QuestionnaireView = {
  /** PRV-4: the profile's age band today, null outside every band. */
  band: Band | null;
  /** The holder or a representative fills it in (not an aidant). */
  mayWrite: boolean;
  current?: { documentId: string; title: string; answers: Answers; hidden: boolean; hiddenByMaskAll: boolean; updatedAt: Date };
};

/**
 * PRV-10: what the questionnaire pages show for one profile: its band, whether this account may fill
 * it in, and the current answers with their document and sharing. Patient side only (the policy decides,
 * refusals traced); the holder's own reads are not traced, like the other patient pages.
 */
export async function readQuestionnaire(db: Db, actor: Actor, profileId: string, now: Date): Promise<QuestionnaireView> {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.read', profileId, 'medical.read', now);
  const band = bandOn(profile.birth_date, parisIsoDay(now));
  const mayWrite = actor.kind === 'PATIENT' && patientRole(actor, profile.id) !== 'AIDANT' && patientRole(actor, profile.id) !== null;
  const row = band ? await findQuestionnaire(db, profile.id, band) : undefined;
  if (!band || !row?.active) return { band, mayWrite };
  return { band, mayWrite, current: { documentId: row.document_id, title: row.document_title, answers: row.answers,
    hidden: row.masque_ps, hiddenByMaskAll: row.masque_ps && row.mask_origin === 'BULK', updatedAt: row.updated_at } };
}
