import type { Metadata } from 'next';
import { Alert, Badge, PageTitle, Pagination, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listNotificationSink } from '@/lib/notifications/channels/notification-sink';

export const metadata: Metadata = { title: 'SMS et notifications push (environnement de démonstration)' };

const when = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'Europe/Paris' });

/** What the `sink` provider kept instead of sending (NOT-1, NOT-7): newest first, 50 a page. */
export default async function NotificationSinkPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const actor = await requireAudience('staff');
  const { avant } = await searchParams;
  const page = await listNotificationSink(getDb(), actor, avant, clock.now());
  return (
    <>
      <PageTitle title="SMS et notifications push (environnement de démonstration)" />
      <Alert variant="info" title="Aucun opérateur n’est branché">
        Avec SMS_PROVIDER et PUSH_PROVIDER à « sink », les SMS et notifications push ne partent pas : ils sont conservés ici.
        Les SMS dus entre 21 h et 8 h apparaissent à 8 h.
      </Alert>
      <div className="mt-6">
        <Table caption="SMS et notifications push, du plus récent au plus ancien" rows={page.rows} rowKey={(r) => r.id}
          empty="Aucun SMS ni notification push pour le moment."
          columns={[
            { key: 'when', header: 'Date', rowHeader: true, cell: (r) => when.format(r.created_at) },
            { key: 'channel', header: 'Canal', cell: (r) => <Badge>{r.channel === 'SMS' ? 'SMS' : 'Push'}</Badge> },
            { key: 'to', header: 'Destinataire', cell: (r) => <span className="break-all">{r.recipient}</span> },
            { key: 'text', header: 'Texte', cell: (r) => r.text },
          ]} />
        <Pagination label="Pages des SMS et notifications push" nextHref={page.olderCursor ? `/admin/sms-push?avant=${page.olderCursor}` : undefined} />
      </div>
    </>
  );
}
