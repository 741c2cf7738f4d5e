import { sql } from 'kysely';
import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { recordAccess } from '@/lib/audit/record-access';
import { ValidationError } from '@/lib/errors';
import { parisIsoDay, parisLocalToUtc } from '@/lib/measures/paris-time';
import { describeProblems, parseMatrixCsv } from './csv';
import type { MatrixRule } from './decide';
import { ensureMatrixAction } from './gate';
import { forgetMatrixVersions } from './matrix';

export type PublishInput = {
  /** The uploaded file's text (`profession;specialite;type;code;decision`). */
  csv: string;
  /** The Paris calendar day the version takes effect, "YYYY-MM-DD". */
  effectiveDay: string;
  note: string;
};

const frenchDay = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });

/**
 * BO-7, PRO-9: a supervisor publishes a new version of the matrix — exactly the uploaded rows, never an
 * edit of a published one. Every line is checked first: one wrong line and nothing is stored. The version
 * takes effect at the start of its day (Paris), or at once when that day is today; never in the past,
 * never before the latest version's own date (so versions take effect in their number order).
 */
export async function publishMatrixVersion(db: Db, actor: Actor, input: PublishInput, now: Date): Promise<{ versionId: string; number: number; effectiveFrom: Date }> {
  await ensureMatrixAction(db, actor, 'matrix.publish', now);
  if (actor.kind !== 'STAFF') throw new Error('unreachable: the policy lets only staff publish');
  const note = input.note.trim();
  if (note.length < 3) throw new ValidationError('matrix.note', 'Décrivez le changement en quelques mots (3 caractères au moins).', 'note');
  if (note.length > 500) throw new ValidationError('matrix.note', 'La note ne peut pas dépasser 500 caractères.', 'note');
  const today = parisIsoDay(now);
  if (input.effectiveDay < today) throw new ValidationError('matrix.past', 'La date d’effet ne peut pas être dans le passé.', 'dateEffet');
  const parsed = parseMatrixCsv(input.csv);
  if (!parsed.ok) throw new ValidationError('matrix.csv', describeProblems(parsed.problems), 'fichier');
  const effectiveFrom = input.effectiveDay === today ? now : parisLocalToUtc(input.effectiveDay, '00:00');

  const published = await db.transaction().execute(async (trx) => {
    // One publisher at a time: the next number and the date order are read under the lock.
    await sql`lock table matrix_versions in share row exclusive mode`.execute(trx);
    const latest = await trx.selectFrom('matrix_versions').select(['number', 'effective_from'])
      .orderBy('number', 'desc').limit(1).executeTakeFirst();
    if (latest && effectiveFrom.getTime() < latest.effective_from.getTime()) {
      throw new ValidationError('matrix.order', `La date d’effet doit être au plus tôt celle de la version ${latest.number} (${frenchDay.format(latest.effective_from)}).`, 'dateEffet');
    }
    const number = (latest?.number ?? 0) + 1;
    const versionId = await insertMatrixVersion(trx, { number, effectiveFrom, note, createdBy: actor.staffId, rules: parsed.rules });
    await recordAccess(trx, { actor, action: 'matrix.publish', profileId: null, target: { type: 'matrix_version', id: versionId }, at: now, channel: 'BACKOFFICE' });
    return { versionId, number, effectiveFrom };
  });
  forgetMatrixVersions(); // this process sees the new version at once
  return published;
}

/** Writes a version and its rules; must run in the caller's transaction (the rules trigger checks it). */
export async function insertMatrixVersion(db: Db, v: { number: number; effectiveFrom: Date; note: string; createdBy: string | null; rules: readonly MatrixRule[] }): Promise<string> {
  const { id } = await db.insertInto('matrix_versions')
    .values({ number: v.number, effective_from: v.effectiveFrom, note: v.note, created_by: v.createdBy })
    .returning('id').executeTakeFirstOrThrow();
  for (let i = 0; i < v.rules.length; i += 1000) {
    await db.insertInto('matrix_rules').values(v.rules.slice(i, i + 1000).map((r) => ({
      version_id: id, profession_code: r.professionCode, specialty: r.specialty, target_kind: r.targetKind, target_code: r.targetCode, decision: r.decision,
    }))).execute();
  }
  return id;
}
