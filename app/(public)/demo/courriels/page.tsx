import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { Mailbox } from '@/components/backoffice/Mailbox';
import { getDb } from '@/db/client';
import { clock } from '@/lib/clock';
import { listDemoMailbox, publicDemoMailboxEnabled } from '@/lib/notifications/demo-mailbox';

export const metadata: Metadata = { title: 'Courriels de la démonstration' };

/** Only in the demo started by `npm start` without SMTP: lets visitors read their login codes. */
export default async function PublicDemoMailboxPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  if (!publicDemoMailboxEnabled()) notFound();
  const { avant } = await searchParams;
  const page = await listDemoMailbox(getDb(), 'public-demo', avant, clock.now());
  return (
    <>
      <PageTitle title="Courriels de la démonstration" />
      <Alert variant="warning" title="Environnement de démonstration">
        Aucun serveur d’envoi n’est configuré : les courriels (et leurs codes) s’affichent ici pour pouvoir essayer le service.
        Cette page n’existe pas dans un déploiement réel.
      </Alert>
      <div className="mt-6"><Mailbox rows={page.rows} olderHref={page.olderCursor ? `/demo/courriels?avant=${page.olderCursor}` : undefined} /></div>
    </>
  );
}
