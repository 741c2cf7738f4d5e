import type { Metadata } from 'next';
import { ContactDetailsForms } from '@/components/account/ContactDetailsForms';
import { CredentialsForms, credentialsPageState, type CredentialsSearch } from '@/components/account/CredentialsForms';
import { PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { contactDetails } from '@/lib/accounts/change-contact';
import { ownIdentifiant } from '@/lib/accounts/change-credentials';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { contactPageState, type ContactSearch } from '@/app/_forms/contact-actions';
import { changeIdentifiantAction, changePasswordAction } from '@/app/_forms/credentials-actions';
import { confirmContactAction, removeMobileAction, startContactAction } from './actions';

export const metadata: Metadata = { title: 'Mes coordonnées' };

/** « Mes coordonnées » (NOT-4, ACT-9): the account's email and mobile, each confirmed by a code sent to it. */
export default async function ContactDetailsPage({ searchParams }: { searchParams: Promise<ContactSearch & CredentialsSearch> }) {
  const actor = await requireAudience('patient');
  const { email, mobile } = await contactDetails(getDb(), actor, clock.now());
  const identifiant = await ownIdentifiant(getDb(), actor, clock.now());
  const search = await searchParams;
  return (
    <>
      <PageTitle title="Mes coordonnées"
        lead="L’adresse électronique et le numéro de mobile de votre compte, où vous recevez vos codes de connexion et vos notifications. Chaque nouvelle coordonnée est confirmée par un code qui y est envoyé. Vous pouvez aussi y changer votre identifiant et votre mot de passe." />
      <ContactDetailsForms who="self" email={email} mobile={mobile} page="/espace/coordonnees" {...contactPageState(search)}
        actions={{ start: startContactAction, confirm: confirmContactAction, removeMobile: removeMobileAction }} />
      <CredentialsForms identifiant={identifiant} {...credentialsPageState(search)}
        actions={{ changePassword: changePasswordAction, changeIdentifiant: changeIdentifiantAction }} />
    </>
  );
}
