import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, PageTitle } from '@/components/ui';
import { InviteRepresentativeForm } from '@/components/representatives/InviteRepresentativeForm';
import { RepresentativesList } from '@/components/representatives/RepresentativesList';
import { SentInvitationsTable } from '@/components/representatives/SentInvitationsTable';
import { getDb } from '@/db/client';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { childManagement } from '@/lib/representatives/invitations';
import { canAddRepresentative } from '@/lib/representatives/rules';
import { inviteRepresentativeAction } from './actions';

export const metadata: Metadata = { title: 'Gérer le profil d’un enfant' };

/** REP-3, REP-5: a representative sees who manages the child's profile and shares it with the second parent or a tutor. */
export default async function ChildProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ invitation?: string }> }) {
  const actor = await requireAudience('patient');
  const { id } = await params;
  const { invitation } = await searchParams;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const db = getDb();
  const now = clock.now();
  const managed = await childManagement(db, actor, id, now).catch((e) => {
    if (e instanceof AccessDeniedError || e instanceof NotFoundError) return e;
    throw e;
  });
  if (managed instanceof Error) {
    return (
      <>
        <PageTitle title="Gérer le profil d’un enfant" />
        <Alert variant="error" title="Vous n’avez pas accès à ce profil">
          <p>{managed instanceof NotFoundError ? new AccessDeniedError('profil introuvable.').message : managed.message}</p>
          <p><Link href="/espace">Revenir à l’accueil</Link></p>
        </Alert>
      </>
    );
  }
  const { active, invitations } = managed;
  const child = (await listAccessibleProfiles(db, actor)).find((p) => p.id === id);
  if (!child) notFound(); // authorized above, so represented: listed
  const pending = invitations.filter((i) => i.status === 'PENDING').length;
  const name = managed.firstName;
  return (
    <>
      <PageTitle title={`Gérer le profil de ${name}`}
        lead={`${name} ${child.birthName}, né(e) le ${child.birthDateFr}. Vous êtes son représentant légal.`}>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li><Link href={`/espace/historique?profil=${id}`}>Historique d’activité de {name}</Link></li>
          <li><Link href={`/espace/fermeture?profil=${id}`}>Clôture du profil de {name}</Link></li>
        </ul>
      </PageTitle>

      {invitation === 'envoyee' && (
        <Alert variant="success" title="Invitation envoyée">
          La personne la reçoit par courriel et a 30 jours pour l’accepter depuis son propre espace Mon espace santé.
        </Alert>
      )}
      <section aria-labelledby="representants" className="mb-10 max-w-3xl">
        <h2 id="representants" className="mb-4 text-2xl font-bold">Représentants légaux</h2>
        <RepresentativesList representatives={active} selfAccountId={actor.accountId} />
      </section>

      <section aria-labelledby="invitations" className="mb-10 max-w-3xl">
        <h2 id="invitations" className="mb-4 text-2xl font-bold">Invitations envoyées</h2>
        <SentInvitationsTable invitations={invitations} />
      </section>

      <section aria-labelledby="partager" className="max-w-3xl">
        <h2 id="partager" className="mb-2 text-2xl font-bold">Partager le profil</h2>
        <div id="partager-aide" className="mb-6 space-y-2">
          <p>Invitez le second parent de {name} ou son tuteur à gérer ce profil avec vous. Il aura les mêmes droits que vous, sauf retirer votre accès.</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>La personne doit avoir activé son propre profil Mon espace santé.</li>
            <li>Elle reçoit l’invitation par courriel ; l’invitation expire au bout de 30 jours.</li>
            <li>Un profil a au plus deux représentants légaux, invitations en attente comprises.</li>
          </ul>
        </div>
        {canAddRepresentative(active.length, pending)
          ? <InviteRepresentativeForm profileId={id} firstName={name} describedBy="partager-aide" action={inviteRepresentativeAction} />
          : (
            <Alert variant="info" title="Aucune autre invitation possible">
              {pending > 0
                ? 'Une invitation attend sa réponse et compte déjà comme second représentant légal : attendez la réponse ou son expiration.'
                : 'Ce profil a déjà deux représentants légaux.'}
            </Alert>
          )}
      </section>
    </>
  );
}
