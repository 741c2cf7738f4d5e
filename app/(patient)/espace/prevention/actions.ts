'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { setPreventionOptOut } from '@/lib/prevention-campaigns/opt-out';
import { withProfile } from '../selected-profile';

const input = z.object({ profileId: z.uuid(), optedOut: z.enum(['oui', 'non']), profil: z.string().optional() });

/** PRV-8: refuse prevention messages, or accept them again; immediate, traced, reversible. */
export async function preventionOptOutAction(form: FormData): Promise<void> {
  const actor = await requireAudience('patient');
  const { profileId, optedOut, profil } = input.parse(Object.fromEntries(form));
  let done = optedOut === 'oui' ? 'refus' : 'accord';
  try {
    await setPreventionOptOut(getDb(), actor, { profileId, optedOut: optedOut === 'oui' }, clock.now());
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    done = 'erreur';
  }
  redirect(withProfile('/espace/prevention', profil || undefined, { fait: done }));
}
