'use server';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { endAidantLinkForSupport } from '@/lib/aidants/support-view';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { parseForm, runUseCase, type FormState } from '@/app/_forms/form-state';

const endLink = z.object({
  profileId: z.uuid(),
  linkId: z.uuid(),
  confirmed: z.literal('oui', { error: 'Cochez la case pour confirmer que la personne a demandé la fin de ce lien.' }),
});

/** AID-6, BO-5: the agent ends one aidant link on the holder's phone request, then the page confirms (`?fait=fin`). */
export async function endAidantLinkAction(_: FormState, form: FormData): Promise<FormState> {
  const actor = await requireAudience('staff');
  const input = parseForm(endLink, form);
  if (!input.ok) return input.state;
  const result = await runUseCase(form, () => endAidantLinkForSupport(getDb(), actor, input.data, clock.now()));
  if (!result.ok) return result.state;
  redirect(`/admin/beneficiaires/${input.data.profileId}/aidants?fait=fin`);
}
