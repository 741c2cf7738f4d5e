import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { PasswordLinkError } from '@/lib/france-services/advisor-errors';
import { checkPasswordLink, type PasswordLinkTarget } from '@/lib/france-services/set-advisor-password';
import { chooseAdvisorPasswordAction } from './actions';
import { ChoosePasswordForm } from './ChoosePasswordForm';

export const metadata: Metadata = { title: 'Choisir votre mot de passe', referrer: 'no-referrer' };

/** FS-1: the page of the emailed link (`?jeton=`): checked first, then the password form; nothing is spent until it is sent. */
export default async function ChooseAdvisorPasswordPage({ searchParams }: { searchParams: Promise<{ jeton?: string }> }) {
  const { jeton = '' } = await searchParams;
  let target: PasswordLinkTarget | null = null;
  let refusal: string | null = null;
  try {
    target = await checkPasswordLink(getDb(), jeton, clock.now());
  } catch (error) {
    if (!(error instanceof PasswordLinkError)) throw error;
    refusal = error.message;
  }
  return (
    <>
      <PageTitle title="Choisir votre mot de passe"
        lead={target ? `${target.displayName}, votre identifiant de connexion est ${target.identifiant}.` : undefined} />
      {target
        ? <ChoosePasswordForm action={chooseAdvisorPasswordAction} token={jeton} identifiant={target.identifiant} />
        : (
          <>
            <Alert variant="error" title="Ce lien ne permet pas de choisir un mot de passe">{refusal}</Alert>
            <p className="mt-6"><Link href="/accompagnement/connexion">Aller à la page de connexion</Link></p>
          </>
        )}
    </>
  );
}
