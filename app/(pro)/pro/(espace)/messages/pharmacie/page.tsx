import type { Metadata } from 'next';
import Link from 'next/link';
import { Badge, PageTitle, Pagination, Table } from '@/components/ui';
import { getDb } from '@/db/client';
import { whenLong } from '@/lib/audit/history-format';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listPharmacyConversations, type PharmacyInboxItem } from '@/lib/messaging/pharmacy-inbox';

export const metadata: Metadata = { title: 'Messagerie de la pharmacie' };

/** MSG-3(b): the conversations patients started with the pharmacy this professional acts at (its FINESS), latest first. */
export default async function PharmacyInboxPage({ searchParams }: { searchParams: Promise<{ avant?: string }> }) {
  const actor = await requireAudience('pro');
  const { avant } = await searchParams;
  const inbox = await listPharmacyConversations(getDb(), actor, { before: avant }, clock.now(), 'PRO');
  if (!inbox.pharmacy) {
    return (
      <>
        <PageTitle title="Messagerie de la pharmacie" />
        <p>Vous n’exercez pas, d’après Pro Santé Connect, dans une pharmacie dotée d’une messagerie organisationnelle.</p>
        <p className="mt-6"><Link href="/pro/messages">Retour à la messagerie sécurisée</Link></p>
      </>
    );
  }
  const unread = inbox.items.filter((i) => i.unread).length;
  return (
    <>
      <PageTitle title={`Messagerie de la ${inbox.pharmacy.name}`}
        lead={`Les messages que vos patients adressent à la pharmacie (${inbox.pharmacy.city}, FINESS ${inbox.pharmacy.finess}), lus par les pharmaciens qui y exercent.`} />
      <p className="mb-4" role="status">{unread === 0 ? 'Aucune conversation non lue sur cette page.' : `${unread} conversation${unread > 1 ? 's' : ''} non lue${unread > 1 ? 's' : ''}.`}</p>
      <Table<PharmacyInboxItem> caption={avant ? 'Conversations (plus anciennes)' : 'Conversations de la pharmacie'} rows={inbox.items} rowKey={(c) => c.id}
        empty="Aucune conversation." columns={[
          { key: 'subject', header: 'Objet', rowHeader: true, cell: (c) => (
            <Link href={`/pro/messages/pharmacie/${c.id}`} className={c.unread ? 'font-bold' : undefined}>{c.subject}</Link>
          ) },
          { key: 'patient', header: 'Patient', cell: (c) => c.patientName },
          { key: 'state', header: 'État', cell: (c) => (c.closed ? <Badge>Close</Badge> : c.unread ? <Badge variant="info">Non lu</Badge> : <Badge>Lu</Badge>) },
          { key: 'at', header: 'Dernier message', cell: (c) => whenLong(c.lastMessageAt) },
        ]} />
      <Pagination label="Pagination des conversations" prevHref={avant ? '/pro/messages/pharmacie' : undefined} prevLabel="Conversations les plus récentes"
        nextHref={inbox.next ? `/pro/messages/pharmacie?avant=${encodeURIComponent(inbox.next)}` : undefined} nextLabel="Conversations plus anciennes" />
      <p className="mt-6"><Link href="/pro/messages">Retour à la messagerie sécurisée</Link></p>
    </>
  );
}
