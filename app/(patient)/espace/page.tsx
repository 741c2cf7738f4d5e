import type { Metadata } from 'next';
import { Alert, Card, PageTitle } from '@/components/ui';
import { ClosedChildNotice } from '@/components/closure/ClosedChildNotice';
import { getDb } from '@/db/client';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { childrenToActivate } from '@/lib/representatives/activate-child';
import { invitationsReceived } from '@/lib/representatives/invitations';
import { latestUnreadPreventionMessage } from '@/lib/prevention-campaigns/messages';
import { PreventionMessage } from '@/components/prevention-campaigns/PreventionMessage';
import { peopleIHelp } from '@/lib/aidants/list-aidants';

export const metadata: Metadata = { title: 'Accueil de mon espace' };

/** Dashboard: the sections that exist so far, for the holder and for each represented child (REP-2, REP-3). */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ 'profil-active'?: string; 'profil-ferme'?: string }> }) {
  const actor = await requireAudience('patient');
  const { 'profil-active': activated, 'profil-ferme': closedChild } = await searchParams;
  const db = getDb();
  const now = clock.now();
  // PRV-9: the home card, the latest unread prevention message of the holder's own open profile (in parallel:
  // the profile list is shared through React `cache`).
  const latestPrevention = async () => {
    const own = (await listAccessibleProfiles(db, actor)).find((p) => p.relation === 'HOLDER');
    return own?.state === 'ACTIVE' ? latestUnreadPreventionMessage(db, actor, own.id) : null;
  };
  const [profiles, toActivate, invitations, prevention, helping] = await Promise.all([
    listAccessibleProfiles(db, actor), childrenToActivate(db, actor, now), invitationsReceived(db, actor, now), latestPrevention(),
    peopleIHelp(db, actor, now), // AID-3: invitations to become an aidant
  ]);
  const own = profiles.find((p) => p.relation === 'HOLDER');
  // CLO-8: an account whose own profile is closed still manages the children it represents.
  const ownOpen = own?.state === 'ACTIVE';
  const children = profiles.filter((p) => p.relation === 'REPRESENTATIVE');
  const aided = profiles.filter((p) => p.relation === 'AIDANT'); // AID-4: the people this account helps
  const justActivated = children.find((c) => c.id === activated);
  const pendingInvitations = invitations.filter((i) => i.status === 'PENDING');
  return (
    <>
      <PageTitle title={`Bonjour ${own?.firstName ?? actor.name}`} lead="Bienvenue dans Mon espace santé." />
      {closedChild === '1' && <ClosedChildNotice />}
      {justActivated && (
        <Alert variant="success" title={`Le profil de ${justActivated.firstName} est activé`}>
          Vous en êtes le représentant légal. Vous pouvez le gérer et le partager avec le second parent.
        </Alert>
      )}
      {(toActivate.length > 0 || pendingInvitations.length > 0 || helping.pending.length > 0) && (
        <section aria-labelledby="a-faire" className="mb-10">
          <h2 id="a-faire" className="mb-4 text-2xl font-bold">À faire</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {toActivate.length > 0 && (
              <Card title="Activer le profil d’un enfant" href="/espace/enfants/activer" headingLevel={3}>
                {toActivate.length === 1
                  ? `Le profil de ${toActivate[0]!.firstName} attend son activation, avec le code provisoire reçu pour cet enfant.`
                  : `Les profils de ${new Intl.ListFormat('fr', { type: 'conjunction' }).format(toActivate.map((c) => c.firstName))} attendent leur activation, avec le code provisoire reçu pour chacun.`}
              </Card>
            )}
            {pendingInvitations.length > 0 && (
              <Card title="Invitations reçues" href="/espace/invitations" headingLevel={3}>
                {pendingInvitations.length === 1
                  ? `${pendingInvitations[0]!.inviterName} vous invite à gérer le profil de ${pendingInvitations[0]!.childFirstName}.`
                  : `${pendingInvitations.length} invitations à gérer le profil d’un enfant attendent votre réponse.`}
              </Card>
            )}
            {helping.pending.length > 0 && (
              <Card title="Invitations à devenir aidant" href="/espace/personnes-aidees" headingLevel={3}>
                {helping.pending.length === 1
                  ? `${helping.pending[0]!.name} vous invite à devenir son aidant.`
                  : `${helping.pending.length} invitations à devenir aidant attendent votre réponse.`}
              </Card>
            )}
          </div>
        </section>
      )}
      {prevention && (
        <section aria-labelledby="prevention-accueil" className="mb-10 max-w-3xl">
          <h2 id="prevention-accueil" className="mb-4 text-2xl font-bold">Prévention</h2>
          <PreventionMessage message={prevention} brief />
          <p className="mt-3"><a href="/espace/prevention">Voir tous mes messages de prévention</a></p>
        </section>
      )}
      <h2 className="mb-4 text-2xl font-bold">Mon profil</h2>
      {ownOpen ? (
        <div className="grid gap-6 md:grid-cols-2">
          <Card title="Historique d’activité" href="/espace/historique" headingLevel={3}>
            Qui a consulté ou modifié votre profil, et quand : vos actions, celles des professionnels de santé et de l’Assurance Maladie.
          </Card>
          <Card title="Télécharger mes données" href="/espace/donnees" headingLevel={3}>
            Une copie de vos documents, de vos données de santé et de votre historique dans un fichier ZIP.
          </Card>
          <Card title="Mes aidants" href="/espace/aidants" headingLevel={3}>
            Donner accès à votre profil à un proche qui vous aide au quotidien, ou retirer cet accès.
          </Card>
          <Card title="Fermer mon profil" href="/espace/fermeture" headingLevel={3}>
            Fermer votre profil, et si vous le souhaitez demander la suppression de vos données. Les profils de vos enfants restent ouverts.
          </Card>
        </div>
      ) : (
        <Alert variant="info" title="Votre profil est fermé">
          Vous gardez l’accès aux profils que vous représentez. Pour rouvrir le vôtre, <a href="/activation/nouveau-code">demandez un nouveau code provisoire</a> puis activez-le.
        </Alert>
      )}
      {children.length > 0 && (
        <section aria-labelledby="profils-representes" className="mt-10">
          <h2 id="profils-representes" className="mb-4 text-2xl font-bold">Profils que je représente</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {children.flatMap((child) => [
              <Card key={child.id} title={`Gérer le profil de ${child.firstName}`} href={`/espace/enfants/${child.id}`} headingLevel={3}>
                <p>{child.firstName} {child.birthName}, né(e) le {child.birthDateFr}. Vous êtes son représentant légal.</p>
                <p>Représentants légaux, partage du profil et invitations.</p>
              </Card>,
              <Card key={`historique-${child.id}`} title={`Historique d’activité de ${child.firstName}`} href={`/espace/historique?profil=${child.id}`} headingLevel={3}>
                Qui a consulté ou modifié le profil de {child.firstName}, et quand.
              </Card>,
            ])}
          </div>
        </section>
      )}
      {aided.length > 0 && (
        <section aria-labelledby="personnes-aidees" className="mt-10">
          <h2 id="personnes-aidees" className="mb-4 text-2xl font-bold">Personnes que j’aide</h2>
          <div className="grid gap-6 md:grid-cols-2">
            {aided.map((p) => (
              <Card key={p.id} title={`Documents de ${p.firstName}`} href={`/espace/documents?profil=${p.id}`} headingLevel={3}>
                {p.firstName} {p.birthName} vous a choisi comme aidant.
              </Card>
            ))}
          </div>
          <p className="mt-4"><a href="/espace/personnes-aidees">Toutes les personnes que j’aide</a></p>
        </section>
      )}
    </>
  );
}
