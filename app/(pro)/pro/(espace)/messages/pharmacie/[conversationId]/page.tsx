import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { FinAwareFields } from '@/components/messaging/FinWarning';
import { ReplyOptions } from '@/components/messaging/ReplyOptions';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { openPharmacyConversation } from '@/lib/messaging/pharmacy-inbox';
import { replyAsPharmacyAction } from './actions';

export const metadata: Metadata = { title: 'Conversation avec un patient de la pharmacie' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const SENT: Record<string, string> = {
  DELIVERED: 'Message envoyé au patient.',
  HELD: 'Le profil du patient est suspendu : votre message est conservé et sera distribué à sa réactivation.',
  CLOSED_ONLY: 'La conversation est close. Aucun message n’a été transmis au patient.',
};

/** MSG-3(b), MSG-4, MSG-7, MSG-8, MSG-10: one conversation of the pharmacy (read, traced), its attachments, the reply and the closing. */
export default async function PharmacyConversationPage({ params, searchParams }: {
  params: Promise<{ conversationId: string }>; searchParams: Promise<{ erreur?: string; envoye?: string }>;
}) {
  const actor = await requireAudience('pro');
  const { conversationId } = await params;
  const search = await searchParams;
  let c;
  try {
    c = await openPharmacyConversation(getDb(), actor, conversationId, clock.now(), 'PRO');
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof AccessDeniedError) return <><PageTitle title="Accès refusé" /><p>{error.message}</p></>;
    throw error;
  }
  const hidden = <input type="hidden" name="conversationId" value={c.id} />;
  return (
    <>
      <p className="mb-2"><Link href="/pro/messages/pharmacie">Retour à la messagerie de la pharmacie</Link></p>
      <PageTitle title={c.subject} lead={`${c.patientName} — ${c.pharmacyName}${c.closedAt ? ' — conversation close' : ''}`} />
      {search.erreur && <Alert variant="error" title="Le message n’a pas été envoyé">{search.erreur}</Alert>}
      {search.envoye && SENT[search.envoye] && <Alert variant="success" title={SENT[search.envoye]!} />}
      {c.deletedByPatient && <p className="mb-4">Le patient a supprimé cette conversation de sa messagerie.</p>}
      <ol className="mb-8 space-y-4" aria-label="Messages">
        {c.messages.map((m) => (
          <li key={m.id} className="rounded border border-border p-4">
            <p className="text-sm font-semibold">{m.authorLabel}{m.writtenBy ? ` (${m.writtenBy})` : ''} — {DATE_TIME.format(m.createdAt)}
              {m.status === 'HELD' ? ' — en attente (profil suspendu)' : ''}</p>
            <p className="mt-2 whitespace-pre-wrap">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="mt-2 text-sm" aria-label="Pièces jointes">
                {m.attachments.map((a) => (
                  <li key={a.id}><a className="underline" href={`/pro/messages/pharmacie/${c.id}/piece-jointe/${a.id}`}>Télécharger {a.name}</a></li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {!c.closedAt && (
        <>
          <section aria-labelledby="repondre" className="mb-8">
            <h2 id="repondre" className="mb-2 text-xl font-semibold">Répondre au patient</h2>
            <form action={replyAsPharmacyAction} className="space-y-4">
              {hidden}
              <FinAwareFields subjectDefault={c.subject}><ReplyOptions /></FinAwareFields>
              <button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer</button>
            </form>
          </section>
          <section aria-labelledby="clore">
            <h2 id="clore" className="mb-2 text-xl font-semibold">Clore la conversation</h2>
            <form action={replyAsPharmacyAction} className="space-y-2">
              {hidden}
              <input type="hidden" name="sujet" value={`[FIN] ${c.subject}`.slice(0, 200)} />
              <input type="hidden" name="message" value="" />
              <p>Ce message ne sera pas transmis au patient : il clôt la conversation.</p>
              <button type="submit" className="rounded border border-primary-700 px-4 py-2 font-semibold text-primary-700">Clore sans message</button>
            </form>
          </section>
        </>
      )}
    </>
  );
}
