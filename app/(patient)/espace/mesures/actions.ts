'use server';
import { z } from 'zod';
import { measuresHref } from '@/components/measures/links';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { setMeasureExtraction } from '@/lib/measures/extraction/set-measure-extraction';
import { runThenRedirect } from '../form-redirect';

const setting = z.object({ profileId: z.uuid() });

/** MEA-4: « Récupération automatique des données des documents » on or off (an unchecked box is not sent: off). */
export async function measureExtractionAction(form: FormData) {
  const actor = await requireAudience('patient');
  const { profileId } = setting.parse(Object.fromEntries(form));
  const enabled = form.has('recuperation');
  const own = actor.ownProfileId === profileId;
  await runThenRedirect(measuresHref(profileId, own),
    `${measuresHref(profileId, own, undefined, { recuperation: enabled ? 'activee' : 'desactivee' })}#donnees-documents`,
    () => setMeasureExtraction(getDb(), actor, { profileId, enabled }, clock.now()));
}
