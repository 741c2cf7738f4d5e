import type { Db } from '@/db/client';
import type { ProfessionalActor } from '@/lib/access/actor';
import { authorize } from '@/lib/access/policy';
import { AccessDeniedError } from '@/lib/errors';

export const MY_ACTIVITY_PAGE = 30;

/**
 * AUD-6: each actor reads its own traces — here a professional's, across patients, newest first (keyset
 * on the trace id), with the patient's name. A facility user's traces are the facility's naming them
 * (PRO-2: `actor_role` holds their RPPS). Reading one's own log is not itself traced.
 */
export async function myActivity(db: Db, actor: ProfessionalActor, input: { before?: string }) {
  const decision = authorize(actor, 'pro.access');
  if (!decision.allowed) throw new AccessDeniedError(decision.reason);
  const before = input.before && /^\d{1,18}$/.test(input.before) ? input.before : undefined;
  const rows = await db.selectFrom('access_events as e').leftJoin('profiles as p', 'p.id', 'e.profile_id')
    .select(['e.id', 'e.at', 'e.action', 'e.outcome', 'e.reason', 'e.mode', 'e.channel', 'e.actor_type', 'e.profile_id', 'p.first_names', 'p.birth_name'])
    .where((eb) => eb.or([
      eb.and([eb('e.actor_type', '=', 'HEALTHCARE_PROFESSIONAL'), eb('e.actor_id', '=', actor.rpps)]),
      ...(actor.facility ? [eb.and([eb('e.actor_type', '=', 'HEALTHCARE_FACILITY'), eb('e.actor_id', '=', actor.facility.id),
        eb('e.actor_role', '=', `RPPS ${actor.rpps}`)])] : []),
    ]))
    .$if(Boolean(before), (q) => q.where('e.id', '<', before!))
    .orderBy('e.id', 'desc').limit(MY_ACTIVITY_PAGE + 1).execute();
  const page = rows.slice(0, MY_ACTIVITY_PAGE);
  return { rows: page, older: rows.length > MY_ACTIVITY_PAGE ? page[page.length - 1]!.id : undefined };
}

