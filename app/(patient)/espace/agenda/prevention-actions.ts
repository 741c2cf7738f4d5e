'use server';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { markInput, markPreventionItem } from '@/lib/prevention/mark-item';
import { runThenRedirect } from '../form-redirect';
import { agendaHref } from './links';

const form = markInput.extend({ pageProfileId: z.uuid() });

/** AGD-6: « Marquer comme réalisé / non réalisé », then back to the agenda that showed the item (AGD-7: the parent's). */
export async function markPreventionItemAction(data: FormData) {
  const actor = await requireAudience('patient');
  const { pageProfileId, ...input } = form.parse(Object.fromEntries(data));
  const own = actor.ownProfileId === pageProfileId;
  await runThenRedirect(agendaHref(pageProfileId, own), agendaHref(pageProfileId, own, '', { enregistre: 'suivi' }),
    () => markPreventionItem(getDb(), actor, input, clock.now()));
}
