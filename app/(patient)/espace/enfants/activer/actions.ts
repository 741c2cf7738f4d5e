'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { activateChild, childrenToActivate } from '@/lib/representatives/activate-child';
import { errorState, runUseCase, type FormState } from '@/app/_forms/form-state';

const input = z.object({ profileId: z.uuid(), code: z.string().trim().default(''), certified: z.literal('oui').optional() });

/** REP-2: the parent principal activates one child's profile with its code provisoire and the certification. */
export async function activateChildAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('patient');
  const { profileId, code, certified } = input.parse(Object.fromEntries(form));
  const db = getDb();
  const now = clock.now();
  // Both missing answers at once, named with the child's first name; an unknown child goes to the use case (traced refusal).
  const child = (await childrenToActivate(db, actor, now)).find((c) => c.id === profileId);
  if (child && (!code || !certified)) {
    return errorState(form, undefined, {
      ...(!code && { code: `Saisissez le code provisoire de ${child.firstName}, reçu par courrier ou par courriel.` }),
      ...(!certified && { certified: `Cochez la case pour certifier être le représentant légal de ${child.firstName}.` }),
    });
  }
  const result = await runUseCase(form, () => activateChild(db, actor, { profileId, code, certified: certified === 'oui' }, now));
  if (!result.ok) return result.state;
  redirect(`/espace?profil-active=${profileId}`);
}
