import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { NoActiveVisitError, VisitExpiredError } from '@/lib/france-services/visits/errors';
import { requireActiveVisit, type AdvisorInVisit } from '@/lib/france-services/visits/guard';

/**
 * FS-2: every visit page and action starts here: the signed-in advisor inside their active visit.
 * No visit: back to the advisor's home; past 60 minutes: the same, saying the visit has ended.
 */
export async function advisorInVisitOrRedirect(now = clock.now()): Promise<AdvisorInVisit> {
  const advisor = await requireAudience('advisor');
  try {
    return await requireActiveVisit(getDb(), advisor, now);
  } catch (e) {
    if (e instanceof VisitExpiredError) redirect('/accompagnement?fin=expiree');
    if (e instanceof NoActiveVisitError) redirect('/accompagnement');
    throw e;
  }
}
