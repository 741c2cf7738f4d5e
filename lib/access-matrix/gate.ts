import type { Db } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { authorize, type Action } from '@/lib/access/policy';
import { recordAccess } from '@/lib/audit/record-access';
import { AccessDeniedError } from '@/lib/errors';

/** The policy decides a matrix action; a refusal is traced (AUD-1, failures included) and thrown in French. */
export async function ensureMatrixAction(db: Db, actor: Actor, action: Extract<Action, 'matrix.read' | 'matrix.publish'>, now: Date): Promise<void> {
  const decision = authorize(actor, action);
  if (decision.allowed) return;
  await recordAccess(db, { actor, action, profileId: null, decision, at: now, channel: actor.kind === 'STAFF' ? 'BACKOFFICE' : 'WEB' });
  throw new AccessDeniedError(decision.reason);
}
