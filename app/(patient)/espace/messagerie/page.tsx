import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, ButtonLink, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listConversations } from '@/lib/messaging/list-conversations';
import { withProfile } from '../selected-profile';
import { messagingProfile, orNotFound } from './profile';

export const metadata: Metadata = { title: 'Messagerie' };
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

/** MSG-4, MSG-5: the patient inbox, latest activity first, with unread counts (keyset pages). */
export default async function InboxPage({ searchParams }: { searchParams: Promise<{ profil?: string; avant?: string; supprimee?: string }> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const profileId = messagingProfile(actor, search.profil);
  const page = await listConversations(getDb(), actor, { profileId, before: search.avant }, clock.now()).catch(orNotFound);
  return (
    <>
      <PageTitle title="Messagerie" lead={`Vos échanges avec les professionnels de santé, vos pharmacies et l’Assurance Maladie. ${page.unreadTotal} message${page.unreadTotal > 1 ? 's' : ''} non lu${page.unreadTotal > 1 ? 's' : ''}.`}>
        <ButtonLink href={withProfile('/espace/messagerie/ecrire', search.profil)} variant="secondary">Nouveau message</ButtonLink>
      </PageTitle>
      {search.supprimee && <Alert variant="success" title="Conversation supprimée">Les pièces jointes enregistrées dans vos documents y restent.</Alert>}
      {page.items.length === 0 ? <p>Aucun message pour le moment.</p> : (
        <ul className="divide-y divide-border rounded border border-border">
          {page.items.map((c) => (
            <li key={c.id} className="p-4">
              <Link href={withProfile(`/espace/messagerie/${c.id}`, search.profil)} className={`underline ${c.unread > 0 ? 'font-bold' : ''}`}>{c.subject}</Link>
              <p className="text-sm">{c.professionalLabel} — {DATE_TIME.format(c.lastMessageAt)}
                {c.unread > 0 && <> — <span>{c.unread} non lu{c.unread > 1 ? 's' : ''}</span></>}{c.closed && ' — échanges terminés'}</p>
            </li>
          ))}
        </ul>
      )}
      {page.next && <p className="mt-4"><Link className="underline" href={withProfile('/espace/messagerie', search.profil, { avant: page.next })}>Conversations plus anciennes</Link></p>}
    </>
  );
}
