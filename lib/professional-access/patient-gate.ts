import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize, type Action, type Decision } from '@/lib/access/policy';
import type { EmergencyRequest } from '@/lib/access/professional-access';
import type { ProContext } from '@/lib/access/document-access';
import { compiledMatrix, matrixVersionInForce } from '@/lib/access-matrix/matrix';
import { decide, matrixScope, type CompiledMatrix, type MatrixScope } from '@/lib/access-matrix/decide';
import { recordAccess, type TraceInput } from '@/lib/audit/record-access';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { loadPatientFacts, type PatientFacts } from './access-state';
import { proContext } from './rules';

export type Channel = Extract<TraceInput['channel'], 'PRO' | 'API'>;

/** What a professional use case works with once the gate let it through. */
export type PatientAccess = PatientFacts & {
  pro: Omit<ProContext, 'matrixAllows'>;
  /** PRO-9: the matrix in force now, for this professional (per document or `REMB`). */
  matrixAllows: (q: { typeCode?: string | null; category: string }) => boolean;
  /** PRO-9 as sets for a database filter (lists): this profession's allowed types and categories. */
  matrixScope: MatrixScope;
  /** The trace mode of this professional's reads (EMG-7). */
  mode: ProContext['mode'];
};

const EMPTY_MATRIX: CompiledMatrix = new Map();

/**
 * The gate of every professional use case on one profile (pages and API alike): loads the facts in one
 * round trip, asks the policy, traces a refusal on the profile's chain (AUD-1: the patient sees
 * "Tentative d'accès refusée") and throws it in French. An unknown profile id is NotFoundError, traced
 * on the global chain (IDOR probes leave a trace too).
 */
export async function ensurePatient(db: Db, actor: ProfessionalActor, profileId: string, action: Action, traceAction: string,
  now: Date, channel: Channel, emergency?: EmergencyRequest): Promise<PatientAccess> {
  const facts = /^[0-9a-f-]{36}$/i.test(profileId) ? await loadPatientFacts(db, actor, profileId, now) : undefined;
  if (!facts) {
    await recordAccess(db, { actor, action: traceAction, profileId: null, target: { type: 'profile', id: profileId.slice(0, 64) },
      denied: 'no-target', at: now, channel });
    throw new NotFoundError('Patient');
  }
  const pro = proContext(actor, facts.relation);
  const decision = authorize(actor, action, { profile: facts.profile, pro: { ...pro, matrixAllows: false }, privacy: facts.privacy, emergency });
  if (!decision.allowed) await refuse(db, actor, facts.profile.id, traceAction, decision, pro.mode, now, channel);
  const matrix = await matrixFor(db, now);
  return {
    ...facts, pro, mode: pro.mode, matrixScope: scopeOf(matrix, actor),
    matrixAllows: (q) => decide(matrix, { professionCode: actor.professionCode, specialty: actor.specialtyCode, typeCode: q.typeCode, category: q.category }).decision === 'ALLOW',
  };
}

/** Trace a refusal (AUD-1) and throw it. */
export async function refuse(db: Db, actor: ProfessionalActor, profileId: string, traceAction: string, decision: Decision,
  mode: ProContext['mode'], now: Date, channel: Channel, target?: TraceInput['target']): Promise<never> {
  await recordAccess(db, { actor, action: traceAction, profileId, target, decision, mode, at: now, channel });
  throw new AccessDeniedError(decision.allowed ? '' : decision.reason);
}

/** A version's scope per profession and specialty, computed once (a version never changes). */
const scopes = new WeakMap<CompiledMatrix, Map<string, MatrixScope>>();
function scopeOf(matrix: CompiledMatrix, actor: ProfessionalActor): MatrixScope {
  let byKey = scopes.get(matrix);
  if (!byKey) scopes.set(matrix, byKey = new Map());
  const key = `${actor.professionCode}|${actor.specialtyCode ?? ''}`;
  let scope = byKey.get(key);
  if (!scope) byKey.set(key, scope = matrixScope(matrix, actor.professionCode, actor.specialtyCode));
  return scope;
}

async function matrixFor(db: Db, now: Date): Promise<CompiledMatrix> {
  const version = await matrixVersionInForce(db, now);
  return version ? compiledMatrix(db, version.id) : EMPTY_MATRIX;
}
