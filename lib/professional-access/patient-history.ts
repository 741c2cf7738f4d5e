import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { listHistory } from '@/lib/audit/history';
import type { HistoryTab } from '@/lib/audit/history-filters';
import { ensurePatient, type Channel } from './patient-gate';

/**
 * AUD-6: the médecin traitant declared to the fund reads the patient's Historique d'activité (the policy
 * decides: never when blocked, no other professional); the read is traced like any other.
 */
export async function readPatientHistory(db: Db, actor: ProfessionalActor, profileId: string,
  input: { tab: HistoryTab; from?: string; to?: string; before?: string; after?: string }, now: Date, channel: Channel) {
  const access = await ensurePatient(db, actor, profileId, 'profile.history.read', 'profile.history.read', now, channel);
  const history = await listHistory(db, actor, { profileId, ...input }, now, { context: { ...access.pro, matrixAllows: false }, channel });
  return { access, history };
}
