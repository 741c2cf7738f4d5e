import type { Db } from '@/db/client';
import { compileMatrix, decide, versionInForceAt, type CompiledMatrix, type MatrixQuestion, type MatrixRule } from './decide';

/**
 * PRO-9: the matrix version in force at an instant and its rules. A version never changes once written
 * (append-only, BO-7), so its compiled rules are kept in memory for the life of the process.
 */
export type MatrixVersion = { id: string; number: number; effectiveFrom: Date; note: string; createdBy: string | null; createdAt: Date };

const compiled = new Map<string, Promise<CompiledMatrix>>();

export async function listMatrixVersions(db: Db): Promise<MatrixVersion[]> {
  const rows = await db.selectFrom('matrix_versions').selectAll().orderBy('number', 'desc').execute();
  return rows.map((r) => ({ id: r.id, number: r.number, effectiveFrom: r.effective_from, note: r.note, createdBy: r.created_by, createdAt: r.created_at }));
}

/**
 * The versions' dates, read at most every VERSIONS_TTL_MS by a process (every professional request asks
 * for the version in force). A version published here is seen at once (`forgetMatrixVersions`); one
 * published by another process within that delay — versions take effect at midnight or at publication.
 */
const VERSIONS_TTL_MS = 10_000;
let versionsCache: { at: number; versions: Promise<MatrixVersion[]> } | undefined;
export const forgetMatrixVersions = () => { versionsCache = undefined; };

function cachedVersions(db: Db): Promise<MatrixVersion[]> {
  if (!versionsCache || Date.now() - versionsCache.at > VERSIONS_TTL_MS) {
    const versions = listMatrixVersions(db);
    versions.catch(() => { versionsCache = undefined; });
    versionsCache = { at: Date.now(), versions };
  }
  return versionsCache.versions;
}

/** The latest effective date not after `now` (the higher number on a tie); undefined before any version. */
export async function matrixVersionInForce(db: Db, now: Date): Promise<MatrixVersion | undefined> {
  return versionInForceAt(await cachedVersions(db), now);
}

export async function matrixRules(db: Db, versionId: string): Promise<MatrixRule[]> {
  const rows = await db.selectFrom('matrix_rules').selectAll().where('version_id', '=', versionId)
    .orderBy('profession_code').orderBy('target_kind').orderBy('target_code').orderBy('specialty').execute();
  return rows.map((r) => ({ professionCode: r.profession_code, specialty: r.specialty, targetKind: r.target_kind, targetCode: r.target_code, decision: r.decision }));
}

/** A version's rules, compiled once per process (a failed load is not kept). */
export function compiledMatrix(db: Db, versionId: string): Promise<CompiledMatrix> {
  let entry = compiled.get(versionId);
  if (!entry) {
    entry = matrixRules(db, versionId).then(compileMatrix);
    entry.catch(() => compiled.delete(versionId));
    compiled.set(versionId, entry);
  }
  return entry;
}

/**
 * PRO-9, EMG-4, VIS-8, HIS-5: does the matrix in force at `now` let this profession (and specialty) read a
 * document of this type and category (`REMB` for Mon histoire de santé)? No version, or no row: false.
 * The professional use cases pass the answer to the policy as `ProContext.matrixAllows`.
 */
export async function matrixAllows(db: Db, question: MatrixQuestion, now: Date): Promise<boolean> {
  const version = await matrixVersionInForce(db, now);
  if (!version) return false;
  return decide(await compiledMatrix(db, version.id), question).decision === 'ALLOW';
}
