'use server';
import { getDb } from '@/db/client';
import { startContactChange } from '@/lib/accounts/change-contact';
import { clock } from '@/lib/clock';
import { confirmContactInVisit, removeMobileInVisit } from '@/lib/france-services/visits/assisted-actions';
import { contactActions } from '@/app/_forms/contact-actions';
import { advisorInVisitOrRedirect } from '../visit-guard';

const forms = contactActions('/accompagnement/visite/coordonnees');

/** FS-3, step 1: the new email or mobile the person gives; the code goes to it. */
export async function startVisitContactAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  await forms.start(form, (input) => startContactChange(getDb(), advisor, input, now));
}

/** FS-3, step 2: the person types the code they received (the advisor never sees it elsewhere). */
export async function confirmVisitContactAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  await forms.confirm(form, (input) => confirmContactInVisit(getDb(), advisor, input, now));
}

export async function removeVisitMobileAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  await forms.removeMobile(form, () => removeMobileInVisit(getDb(), advisor, now));
}
