import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/access/actor';
import { clock } from '@/lib/clock';
import { NotFoundError } from '@/lib/errors';
import { getAdvisor } from '@/lib/france-services/list-advisors';

/** The advisor of a detail page, or the 404 page. */
export function advisorOr404(actor: Actor, id: string) {
  return getAdvisor(getDb(), actor, id, clock.now()).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
}
