import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, PageTitle, Pagination, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { pharmacyFinessOf } from '@/lib/messaging/pharmacy-side';
import { listProfessionalMessages, type ProMessage } from '@/lib/professional-access/pro-messages';

export const metadata: Metadata = { title: 'Messagerie sécurisée' };

/** EMG-6: the professional's inbox, newest first, 20 a page; « Messages plus anciens » follows a keyset cursor. */
export default async function ProMessagesPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const actor = await requireAudience('pro');
  const { avant } = await searchParams;
  const { items, olderCursor, unread } = await listProfessionalMessages(getDb(), actor, { before: avant });
  return (
    <>
      <PageTitle title="Messagerie sécurisée"
        lead="Les messages qui vous sont adressés, par exemple quand un de vos patients dont vous êtes le médecin traitant a fait l’objet d’un accès en urgence." />
      {pharmacyFinessOf(actor) && (
        <p className="mb-4"><Link href="/pro/messages/pharmacie" className="font-semibold underline">Messagerie de votre pharmacie : les messages de vos patients</Link></p>
      )}
      <p className="mb-4" role="status">
        {unread === 0 ? 'Aucun message non lu.' : `${unread} message${unread > 1 ? 's' : ''} non lu${unread > 1 ? 's' : ''}.`}
      </p>
      <Table<ProMessage> caption={avant ? 'Messages reçus (plus anciens)' : 'Messages reçus'} rows={items} rowKey={(m) => m.id}
        empty="Aucun message." columns={[
          { key: 'subject', header: 'Objet', rowHeader: true, cell: (m) => (
            <Link href={`/pro/messages/${m.id}`} className={m.readAt ? undefined : 'font-bold'}>{m.subject}</Link>
          ) },
          { key: 'state', header: 'État', cell: (m) => (m.readAt ? <Badge>Lu</Badge> : <Badge variant="info">Non lu</Badge>) },
          { key: 'at', header: 'Reçu le', cell: (m) => whenLong(m.createdAt) },
        ]} />
      <Pagination label="Pagination des messages" prevHref={avant ? '/pro/messages' : undefined} prevLabel="Messages les plus récents"
        nextHref={olderCursor ? `/pro/messages?avant=${olderCursor}` : undefined} nextLabel="Messages plus anciens" />
    </>
  );
}
