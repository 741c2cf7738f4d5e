import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, PageTitle } from '@/components/ui';
import { InvitationAnswerForm } from '@/components/representatives/InvitationAnswerForm';
import { dayFr } from '@/components/representatives/labels';
import { getDb } from '@/db/client';
import { PastLinks } from '../aidants/PastLinks';
import { peopleIHelp } from '@/lib/aidants/list-aidants';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { answerAidantInvitationAction, revokeAidantAction } from '../aidants/actions';
import { RevokeAidantForm } from '../aidants/RevokeAidantForm';

export const metadata: Metadata = { title: 'Personnes que j’aide' };

const SPACES = [
  { href: '/espace/documents', label: 'Documents' },
  { href: '/espace/profil-medical', label: 'Profil médical' },
  { href: '/espace/messagerie', label: 'Messagerie' },
  { href: '/espace/notifications', label: 'Notifications' },
  { href: '/espace/historique', label: 'Historique d’activité' },
];

/** AID-3..6 « Personnes que j’aide »: invitations to answer, the people helped (their spaces), ending the help. */
export default async function PeopleIHelpPage({ searchParams }: { searchParams: Promise<{ acceptee?: string; refusee?: string; fin?: string }> }) {
  const actor = await requireAudience('patient');
  const { acceptee, refusee, fin } = await searchParams;
  const { pending, current, past } = await peopleIHelp(getDb(), actor, clock.now());
  const accepted = current.find((l) => l.id === acceptee);
  const refused = past.find((l) => l.id === refusee && l.status === 'REFUSED');
  const ended = past.find((l) => l.id === fin && l.status === 'REVOKED');
  return (
    <>
      <PageTitle title="Personnes que j’aide"
        lead="Une personne majeure peut vous inviter à devenir son aidant : vous accédez alors à son profil Mon espace santé depuis votre compte. Une invitation expire au bout de 30 jours.">
        <p><Link href="/espace/aidants">Mes aidants</Link> : les personnes qui vous aident.</p>
      </PageTitle>
      {accepted && (
        <Alert variant="success" title="Invitation acceptée">
          Vous êtes maintenant l’aidant de {accepted.name}, qui en est prévenu(e). Un justificatif d’accès est ajouté à ses documents.
        </Alert>
      )}
      {refused && <Alert variant="success" title="Invitation refusée">{refused.name} en est prévenu(e).</Alert>}
      {ended && <Alert variant="success" title="C’est fait">Vous n’avez plus accès au profil de {ended.name}, qui en est prévenu(e).</Alert>}

      <section aria-labelledby="en-attente" className="mb-10 max-w-3xl">
        <h2 id="en-attente" className="mb-4 text-2xl font-bold">Invitations en attente de votre réponse</h2>
        {pending.length === 0 && <p>Aucune invitation n’attend votre réponse.</p>}
        <ul className="space-y-6">
          {pending.map((l) => (
            <li key={l.id} className="rounded-lg border border-border bg-white p-6">
              <h3 id={`aidant-invitation-${l.id}`} className="text-xl font-bold">{l.name} vous invite à devenir son aidant</h3>
              <p className="mt-2 text-muted">Reçue le {dayFr(l.invitedAt)}, à accepter avant le {dayFr(l.expiresAt)}.</p>
              <p className="mt-2">En acceptant, vous pourrez consulter et compléter ses documents et ses données de santé, écrire à ses professionnels de santé et recevoir ses notifications. Vous ne pourrez pas gérer le partage de son profil.</p>
              <InvitationAnswerForm invitationId={l.id} labelledBy={`aidant-invitation-${l.id}`} action={answerAidantInvitationAction} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="aides" className="mb-10 max-w-3xl">
        <h2 id="aides" className="mb-4 text-2xl font-bold">Les personnes que j’aide</h2>
        {current.length === 0 && <p>Vous n’aidez personne pour le moment.</p>}
        <ul className="space-y-6">
          {current.map((l) => (
            <li key={l.id} className="rounded-lg border border-border bg-white p-6">
              <h3 id={`aide-${l.id}`} className="text-xl font-bold">{l.name}</h3>
              <p className="mt-2 text-muted">Aidant depuis le {dayFr(l.respondedAt ?? l.invitedAt)}.</p>
              {l.live ? (
                <nav aria-labelledby={`aide-${l.id}`} className="mt-3">
                  <ul className="flex flex-wrap gap-x-6 gap-y-2">
                    {SPACES.map((s) => <li key={s.href}><Link href={`${s.href}?profil=${l.profileId}`}>{s.label} de {l.name}</Link></li>)}
                  </ul>
                </nav>
              ) : (
                <Alert variant="info" title="Accès suspendu">
                  {l.aideState === 'SUSPENDED'
                    ? `Le profil de ${l.name} est suspendu : votre accès reprendra quand la suspension sera levée.`
                    : `Le profil de ${l.name} est fermé : votre accès a pris fin.`}
                </Alert>
              )}
              <RevokeAidantForm linkId={l.id} side="aidant" name={l.name} action={revokeAidantAction} />
            </li>
          ))}
        </ul>
      </section>

      <PastLinks links={past} id="passees" title="Invitations et aides terminées" />
    </>
  );
}
