import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { openConversation } from '@/lib/messaging/open-conversation';
import { withProfile } from '../../selected-profile';
import { deleteConversationAction, replyAction, saveAttachmentAction } from '../actions';
import { messagingProfile, orNotFound } from '../profile';

export const metadata: Metadata = { title: 'Conversation' };
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

type Search = { profil?: string; erreur?: string; envoye?: string; enregistre?: string; supprimer?: string };

/** MSG-4, MSG-5, MSG-9, MSG-10: one conversation (marked read), its attachments, the reply and the deletion. */
export default async function ConversationPage({ params, searchParams }: { params: Promise<{ conversationId: string }>; searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const { conversationId } = await params;
  const search = await searchParams;
  const profileId = messagingProfile(actor, search.profil);
  const c = await openConversation(getDb(), actor, { profileId, conversationId }, clock.now()).catch(orNotFound);
  const hidden = (
    <>
      {search.profil && <input type="hidden" name="profil" value={search.profil} />}
      <input type="hidden" name="profileId" value={profileId} />
      <input type="hidden" name="conversationId" value={c.id} />
    </>
  );
  return (
    <>
      <p className="mb-2"><Link className="underline" href={withProfile('/espace/messagerie', search.profil)}>Retour à la messagerie</Link></p>
      <PageTitle title={c.subject} lead={`Avec ${c.professionalLabel}`} />
      {c.professionalInactive && c.closed && (
        <Alert variant="warning" title={`${c.professionalLabel} n’exerce plus`}>Vous ne pouvez plus lui écrire.</Alert>
      )}
      {search.erreur && <Alert variant="error" title="L’action n’a pas abouti">{search.erreur}</Alert>}
      {search.envoye && <Alert variant="success" title="Message envoyé" />}
      {search.enregistre && <Alert variant="success" title="Pièce jointe enregistrée dans vos documents" />}
      <ol className="space-y-4">
        {c.messages.map((m) => (
          <li key={m.id} className="rounded border border-border p-4">
            <p className="text-sm font-semibold">{m.authorLabel}{m.writtenBy ? ` (${m.writtenBy})` : ''} — {DATE_TIME.format(m.createdAt)}</p>
            <p className="mt-2 whitespace-pre-wrap">{m.body}</p>
            {m.attachments.length > 0 && (
              <ul className="mt-2 space-y-2">
                {m.attachments.map((a) => (
                  <li key={a.id} className="flex flex-wrap items-center gap-3">
                    <a className="underline" href={withProfile(`/espace/messagerie/piece-jointe/${a.id}`, search.profil ?? profileId)}>Télécharger {a.name}</a>
                    {m.authorKind !== 'PATIENT' && (
                      <form action={saveAttachmentAction}>{hidden}<input type="hidden" name="attachmentId" value={a.id} />
                        <button type="submit" className="underline">Enregistrer dans mes documents<span className="sr-only"> : {a.name}</span></button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      {c.replyRefusal ? <Alert variant="info" title={c.replyRefusal} /> : (
        <form action={replyAction} className="mt-6 space-y-3">
          {hidden}
          <label htmlFor="message" className="block font-semibold">Votre réponse</label>
          <textarea id="message" name="message" rows={5} maxLength={10000} className="w-full rounded border border-border p-2" />
          <label htmlFor="pieces" className="block font-semibold">Pièces jointes (10 Mo au total)</label>
          <input id="pieces" name="pieces" type="file" multiple accept=".pdf,.txt,.rtf,.jpg,.jpeg,.png,.tif,.tiff" />
          <div><button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer</button></div>
        </form>
      )}
      <section aria-labelledby="supprimer" className="mt-8">
        <h2 id="supprimer" className="text-xl font-semibold">Supprimer la conversation</h2>
        <form action={deleteConversationAction} className="mt-2 space-y-2">
          {hidden}
          <p>Les messages et leurs pièces jointes disparaîtront de votre messagerie. Les pièces jointes déjà enregistrées dans vos documents y restent.</p>
          <label className="flex items-center gap-2"><input type="checkbox" name="confirmer" value="oui" required /> Je confirme la suppression de cette conversation</label>
          <button type="submit" className="rounded border border-error-700 px-4 py-2 font-semibold text-error-700">Supprimer la conversation</button>
        </form>
      </section>
    </>
  );
}
