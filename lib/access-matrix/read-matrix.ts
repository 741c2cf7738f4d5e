import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import type { MatrixRule } from './decide';
import { ensureMatrixAction } from './gate';
import { listMatrixVersions, matrixRules, matrixVersionInForce, type MatrixVersion } from './matrix';

export type MatrixOverview = {
  inForce: MatrixVersion | undefined;
  rules: MatrixRule[];
  /** Versions whose effective date is still to come, soonest first. */
  upcoming: MatrixVersion[];
  versions: MatrixVersion[];
};

/** PRO-9, PRO-10, BO-7: the version in force with its rules, the upcoming ones and the whole list. */
export async function readMatrix(db: Db, actor: Actor, now: Date): Promise<MatrixOverview> {
  await ensureMatrixAction(db, actor, 'matrix.read', now);
  const [inForce, versions] = await Promise.all([matrixVersionInForce(db, now), listMatrixVersions(db)]);
  const upcoming = versions.filter((v) => v.effectiveFrom.getTime() > now.getTime())
    .sort((a, b) => a.effectiveFrom.getTime() - b.effectiveFrom.getTime() || a.number - b.number);
  return { inForce, rules: inForce ? await matrixRules(db, inForce.id) : [], upcoming, versions };
}

/** BO-7: the rules of the version in force, for the CSV download. */
export async function matrixInForceRules(db: Db, actor: Actor, now: Date): Promise<{ version: MatrixVersion | undefined; rules: MatrixRule[] }> {
  await ensureMatrixAction(db, actor, 'matrix.read', now);
  const version = await matrixVersionInForce(db, now);
  return { version, rules: version ? await matrixRules(db, version.id) : [] };
}
