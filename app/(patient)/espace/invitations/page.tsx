import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, PageTitle, Table } from '@/components/ui';
import { InvitationAnswerForm } from '@/components/representatives/InvitationAnswerForm';
import { INVITATION_STATUS, dayFr } from '@/components/representatives/labels';
import { getDb } from '@/db/client';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { invitationsReceived } from '@/lib/representatives/invitations';
import { answerInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitations reçues' };

type Invitation = Awaited<ReturnType<typeof invitationsReceived>>[number];

/** REP-3: invitations to manage a child's profile; pending ones are answered here, the others are listed. */
export default async function InvitationsPage({ searchParams }: { searchParams: Promise<{ acceptee?: string; refusee?: string }> }) {
  const actor = await requireAudience('patient');
  const { acceptee, refusee } = await searchParams;
  const invitations = await invitationsReceived(getDb(), actor, clock.now());
  const pending = invitations.filter((i) => i.status === 'PENDING');
  const answered = invitations.filter((i) => i.status !== 'PENDING');
  const accepted = invitations.find((i) => i.id === acceptee && i.status === 'ACCEPTED');
  const refused = invitations.find((i) => i.id === refusee && i.status === 'REFUSED');
  return (
    <>
      <PageTitle title="Invitations reçues"
        lead="Un représentant légal vous invite à gérer avec lui le profil Mon espace santé d’un enfant. Une invitation expire au bout de 30 jours." />
      {accepted && (
        <Alert variant="success" title="Invitation acceptée">
          <p>Vous gérez maintenant le profil de {accepted.childFirstName}. {accepted.inviterName} en est informé(e).</p>
          <p><Link href="/espace">Retrouver le profil de {accepted.childFirstName} sur l’accueil</Link></p>
        </Alert>
      )}
      {refused && (
        <Alert variant="success" title="Invitation refusée">
          Vous ne gérerez pas le profil de {refused.childFirstName}. {refused.inviterName} en est informé(e).
        </Alert>
      )}

      <section aria-labelledby="en-attente" className="mb-10 max-w-3xl">
        <h2 id="en-attente" className="mb-4 text-2xl font-bold">En attente de votre réponse</h2>
        {pending.length === 0 && <p>Aucune invitation n’attend votre réponse.</p>}
        <ul className="space-y-6">
          {pending.map((i) => (
            <li key={i.id} className="rounded-lg border border-border bg-white p-6">
              <h3 id={`invitation-${i.id}`} className="text-xl font-bold">
                {i.inviterName} vous invite à gérer le profil de {i.childFirstName}
              </h3>
              <p className="mt-2 text-muted">Reçue le {dayFr(i.created_at)}, à accepter avant le {dayFr(i.expires_at)}.</p>
              <p className="mt-2">En acceptant, vous devenez représentant légal de {i.childFirstName} dans Mon espace santé, avec les mêmes droits que {i.inviterName}.</p>
              <InvitationAnswerForm invitationId={i.id} labelledBy={`invitation-${i.id}`} action={answerInvitationAction} />
            </li>
          ))}
        </ul>
      </section>

      {answered.length > 0 && (
        <section aria-labelledby="passees" className="max-w-3xl">
          <h2 id="passees" className="mb-4 text-2xl font-bold">Invitations passées</h2>
          <Table<Invitation> caption="Invitations passées" captionHidden rows={answered} rowKey={(i) => i.id}
            columns={[
              { key: 'child', header: 'Profil de', cell: (i) => i.childFirstName, rowHeader: true },
              { key: 'from', header: 'Invitation de', cell: (i) => i.inviterName },
              { key: 'sent', header: 'Reçue le', cell: (i) => dayFr(i.created_at) },
              { key: 'status', header: 'Statut', cell: (i) => <Badge variant={INVITATION_STATUS[i.status].variant}>{INVITATION_STATUS[i.status].label}</Badge> },
            ]} />
        </section>
      )}
    </>
  );
}
