'use server';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { endVisit } from '@/lib/france-services/visits/end-visit';
import { opposeInVisit, sendCodeInVisit } from '@/lib/france-services/visits/assisted-actions';
import { runThenRedirect, text } from '@/app/(patient)/espace/form-redirect';
import { advisorInVisitOrRedirect } from './visit-guard';

const PAGE = '/accompagnement/visite';

/** FS-2: « Terminer l’accompagnement », then the summary to print. */
export async function endVisitAction() {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const visitId = await endVisit(getDb(), advisor, now);
  redirect(`/accompagnement/recapitulatif/${visitId}`);
}

/** FS-3, CMP-8: a new code provisoire for a covered profile awaiting activation. */
export async function sendCodeAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  await runThenRedirect(PAGE, (sent) => `${PAGE}?${new URLSearchParams({ code: sent.channel === 'EMAIL' ? 'courriel' : 'sms', vers: sent.to })}`,
    () => sendCodeInVisit(getDb(), advisor, text(form, 'profileId'), now));
}

/** FS-3, OPP-5: the ticked people, each with a receipt to print (OPP-6). */
export async function opposeAction(form: FormData) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  const ids = form.getAll('profils').filter((v): v is string => typeof v === 'string');
  await runThenRedirect(`${PAGE}/opposition`, `${PAGE}?opposition=1#recepisses`, () => opposeInVisit(getDb(), advisor, ids, now));
}
