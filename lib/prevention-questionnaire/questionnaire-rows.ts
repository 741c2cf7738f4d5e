import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { patientRole } from '@/lib/access/document-access';
import { ensureOnProfile } from '@/lib/access/profile-guard';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError, ValidationError } from '@/lib/errors';
import type { Answers, FieldErrors } from './validate-answers';
import type { Band } from './questions';

/** The current questionnaire of a profile for a band: its row, its document's state and sharing. */
export async function findQuestionnaire(db: Db, profileId: string, band: Band) {
  const row = await db.selectFrom('prevention_questionnaires as q').innerJoin('documents as d', 'd.id', 'q.document_id')
    .select(['q.id', 'q.band', 'q.document_id', 'q.answers', 'q.measure_ids', 'q.created_at', 'q.updated_at',
      'd.status as document_status', 'd.masque_ps', 'd.mask_origin', 'd.title as document_title'])
    .where('q.profile_id', '=', profileId).where('q.band', '=', band).executeTakeFirst();
  if (!row) return undefined;
  return { ...row, answers: row.answers as Answers, active: row.document_status === 'ACTIVE' };
}

/** DOC-11: a document and the versions it replaced, newest first. */
export async function versionChain(db: Db, documentId: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = documentId;
  while (next && ids.length < 100 && !ids.includes(next)) {
    ids.push(next);
    const row: { replaces_id: string | null } | undefined = await db.selectFrom('documents').select('replaces_id').where('id', '=', next).executeTakeFirst();
    next = row?.replaces_id ?? null;
  }
  return ids;
}

/**
 * PRV-10: the gate of every write: the patient side on the profile (policy), then the holder or a
 * legal representative only — the questionnaire is the holder's own, and choosing who sees it is theirs
 * (VIS-2, AID-4: not an aidant's). A refusal is traced under `traceAction`.
 */
export async function ensureQuestionnaireWriter(db: Db, actor: Actor, profileId: string, traceAction: string, now: Date) {
  const profile = await ensureOnProfile(db, actor, 'profile.medical.write', profileId, traceAction, now);
  if (actor.kind !== 'PATIENT' || patientRole(actor, profile.id) === 'AIDANT') {
    await recordAccess(db, { actor, action: traceAction, profileId: profile.id, denied: 'aidant-not-allowed', at: now });
    throw new AccessDeniedError('seul le titulaire du profil ou son représentant légal remplit ce questionnaire.');
  }
  return { ...profile, patientActor: actor };
}

/** The answers failed their checks: the first message is the error's, all travel to the form. */
export class QuestionnaireValidationError extends ValidationError {
  constructor(readonly fieldErrors: FieldErrors) {
    const [field, message] = Object.entries(fieldErrors)[0]!;
    super('prevention-questionnaire.invalid', message, field);
  }
}

export const TRACE = { save: 'prevention.questionnaire.save', edit: 'prevention.questionnaire.edit', delete: 'prevention.questionnaire.delete' } as const;
