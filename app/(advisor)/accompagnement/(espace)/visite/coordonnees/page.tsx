import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ContactDetailsForms } from '@/components/account/ContactDetailsForms';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { contactDetails } from '@/lib/accounts/change-contact';
import { clock } from '@/lib/clock';
import { DomainError } from '@/lib/errors';
import { contactPageState, type ContactSearch } from '@/app/_forms/contact-actions';
import { advisorInVisitOrRedirect } from '../visit-guard';
import { confirmVisitContactAction, removeVisitMobileAction, startVisitContactAction } from './actions';

export const metadata: Metadata = { title: 'Coordonnées de la personne' };

/** FS-3: the person present changes their email or mobile on the advisor's screen, typing the code they receive. */
export default async function VisitContactPage({ searchParams }: { searchParams: Promise<ContactSearch> }) {
  const now = clock.now();
  const advisor = await advisorInVisitOrRedirect(now);
  let current: { email: string; mobile: string | null };
  try {
    current = await contactDetails(getDb(), advisor, now);
  } catch (e) {
    if (e instanceof DomainError) redirect(`/accompagnement/visite?${new URLSearchParams({ erreur: e.message })}`);
    throw e;
  }
  return (
    <>
      <PageTitle title="Coordonnées de la personne"
        lead="La personne donne sa nouvelle adresse électronique ou son nouveau numéro de mobile, puis saisit elle-même le code qu’elle y reçoit." />
      <p className="mb-6"><Link href="/accompagnement/visite">← Accompagnement en cours</Link></p>
      <ContactDetailsForms who="person" email={current.email} mobile={current.mobile} page="/accompagnement/visite/coordonnees"
        {...contactPageState(await searchParams)}
        actions={{ start: startVisitContactAction, confirm: confirmVisitContactAction, removeMobile: removeVisitMobileAction }} />
    </>
  );
}
