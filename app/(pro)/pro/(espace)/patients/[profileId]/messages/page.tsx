import type { Metadata } from 'next';
import { FinAwareFields } from '@/components/messaging/FinWarning';
import { ReplyOptions } from '@/components/messaging/ReplyOptions';
import { PatientHeader } from '@/components/pro/PatientHeader';
import { Refusal } from '@/components/pro/Refusal';
import { loadOrRefuse } from '@/components/pro/guard';
import { Alert } from '@/components/ui';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { listProConversations } from '@/lib/messaging/pro-conversations';
import { openPatientRecord } from '@/lib/professional-access/patient-record';
import { sendMessageAction } from './actions';

export const metadata: Metadata = { title: 'Messagerie avec le patient' };

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const SENT: Record<string, string> = {
  DELIVERED: 'Message envoyé au patient.',
  HELD: 'Le profil du patient est suspendu : votre message est conservé et sera distribué à sa réactivation.',
  CLOSED_ONLY: 'La conversation est close. Aucun message n’a été transmis au patient.',
};

/** MSG-2, MSG-4, MSG-7, MSG-8: this professional's conversations with the patient and a new message. */
export default async function ProMessagesPage({ params, searchParams }: { params: Promise<{ profileId: string }>; searchParams: Promise<{ erreur?: string; envoye?: string }> }) {
  const actor = await requireAudience('pro');
  const { profileId } = await params;
  const search = await searchParams;
  const db = getDb();
  const now = clock.now();
  const loaded = await loadOrRefuse(async () => ({
    access: await openPatientRecord(db, actor, profileId, now, 'PRO'),
    conversations: await listProConversations(db, actor, profileId, now, 'PRO'),
  }));
  if (!loaded.ok) return <Refusal reason={loaded.reason} profileId={profileId} />;
  const { access, conversations } = loaded.value;
  return (
    <>
      <PatientHeader access={access} current="messages" />
      <h2 className="mb-4 text-2xl font-bold">Messagerie avec le patient</h2>
      {search.erreur && <Alert variant="error" title="Le message n’a pas été envoyé">{search.erreur}</Alert>}
      {search.envoye && SENT[search.envoye] && <Alert variant="success" title={SENT[search.envoye]!} />}
      <section aria-labelledby="nouveau" className="mb-8">
        <h3 id="nouveau" className="mb-2 text-xl font-semibold">Nouveau message</h3>
        <form action={sendMessageAction} className="space-y-4">
          <input type="hidden" name="profileId" value={profileId} />
          <FinAwareFields><ReplyOptions /></FinAwareFields>
          <button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer</button>
        </form>
      </section>
      <section aria-labelledby="conversations">
        <h3 id="conversations" className="mb-2 text-xl font-semibold">Vos conversations ({conversations.length})</h3>
        {conversations.length === 0 && <p>Aucune conversation avec ce patient.</p>}
        {conversations.map((c) => (
          <article key={c.id} className="mb-6 rounded border border-border p-4">
            <h4 className="text-lg font-semibold">{c.subject}{c.closedAt ? ' — close' : ''}</h4>
            {c.deletedByPatient && <p className="text-sm">Le patient a supprimé cette conversation de sa messagerie.</p>}
            <ol className="mt-2 space-y-3">
              {c.messages.map((m) => (
                <li key={m.id} className="border-l-4 border-border pl-3">
                  <p className="text-sm">{m.authorKind === 'PS' ? 'Vous' : m.authorLabel}{m.writtenBy ? ` (${m.writtenBy})` : ''} — {DATE_TIME.format(m.createdAt)}
                    {m.status === 'HELD' ? ' — en attente (profil suspendu)' : ''}</p>
                  <p className="whitespace-pre-wrap">{m.body}</p>
                  {m.attachments.length > 0 && (
                    <ul className="mt-1 text-sm" aria-label="Pièces jointes">
                      {m.attachments.map((a) => (
                        <li key={a.id}><a className="underline" href={`/pro/patients/${encodeURIComponent(profileId)}/messages/piece-jointe/${a.id}`}>Télécharger {a.name}</a></li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ol>
            {!c.closedAt && (
              <details className="mt-3">
                <summary className="cursor-pointer underline">Répondre dans cette conversation</summary>
                <form action={sendMessageAction} className="mt-2 space-y-4">
                  <input type="hidden" name="profileId" value={profileId} />
                  <input type="hidden" name="conversationId" value={c.id} />
                  <FinAwareFields subjectDefault={c.subject}><ReplyOptions /></FinAwareFields>
                  <button type="submit" className="rounded bg-primary-700 px-4 py-2 font-semibold text-white">Envoyer</button>
                </form>
              </details>
            )}
          </article>
        ))}
      </section>
    </>
  );
}
