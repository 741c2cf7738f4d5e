import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Connexion impossible' };

/** next-auth's error page (e.g. an interrupted Pro Santé Connect round trip). */
export default function AuthErrorPage() {
  return (
    <>
      <PageTitle title="Connexion impossible" />
      <Alert variant="error" title="La connexion n’a pas abouti">
        La connexion a été interrompue ou refusée. Recommencez depuis la page de connexion de votre espace.
      </Alert>
      <ul className="mt-6 list-disc pl-6">
        <li><Link href="/connexion">Connexion patient</Link></li>
        <li><Link href="/pro/connexion">Connexion des professionnels de santé</Link></li>
      </ul>
    </>
  );
}
