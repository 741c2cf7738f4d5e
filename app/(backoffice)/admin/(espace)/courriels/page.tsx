import type { Metadata } from 'next';
import { Alert, PageTitle } from '@/components/ui';
import { Mailbox } from '@/components/backoffice/Mailbox';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listDemoMailbox } from '@/lib/notifications/demo-mailbox';

export const metadata: Metadata = { title: 'Courriels (environnement de démonstration)' };

export default async function DemoMailboxPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const actor = await requireAudience('staff');
  const { avant } = await searchParams;
  const page = await listDemoMailbox(getDb(), actor, avant, clock.now());
  return (
    <>
      <PageTitle title="Courriels (environnement de démonstration)" />
      <Alert variant="info" title="Aucun serveur d’envoi n’est configuré">
        Sans SMTP_URL, les courriels ne partent pas : ils sont conservés ici. En production, cette page reste vide.
      </Alert>
      <div className="mt-6"><Mailbox rows={page.rows} olderHref={page.olderCursor ? `/admin/courriels?avant=${page.olderCursor}` : undefined} /></div>
    </>
  );
}
