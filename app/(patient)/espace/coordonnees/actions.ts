'use server';
import { getDb } from '@/db/client';
import { confirmContactChange, removeMobile, startContactChange } from '@/lib/accounts/change-contact';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { contactActions } from '@/app/_forms/contact-actions';

const PAGE = '/espace/coordonnees';
const forms = contactActions(PAGE);

/** « Mes coordonnées », step 1: the new email or mobile and the current password (ACT-13), a code sent to it. */
export async function startContactAction(form: FormData) {
  const actor = await requireAudience('patient');
  await forms.start(form, (input) => startContactChange(getDb(), actor, input, clock.now()));
}

/** Step 2: the code typed, the change made (NOT-4: the holder is told). */
export async function confirmContactAction(form: FormData) {
  const actor = await requireAudience('patient');
  await forms.confirm(form, (input) => confirmContactChange(getDb(), actor, input, clock.now()));
}

export async function removeMobileAction(form: FormData) {
  const actor = await requireAudience('patient');
  await forms.removeMobile(form, (password) => removeMobile(getDb(), actor, clock.now(), password));
}
