import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert, Badge, PageTitle } from '@/components/ui';
import { dayFr } from '@/components/representatives/labels';
import { getDb } from '@/db/client';
import { PastLinks } from './PastLinks';
import { myAidants } from '@/lib/aidants/list-aidants';
import { MAX_AIDANTS_PER_AIDE } from '@/lib/aidants/rules';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { inviteAidantAction, revokeAidantAction } from './actions';
import { InviteAidantForm } from './InviteAidantForm';
import { AIDANT_STATUS } from './labels';
import { RevokeAidantForm } from './RevokeAidantForm';

export const metadata: Metadata = { title: 'Mes aidants' };

/** AID-1..6 « Mes aidants »: the holder's aidants and invitations, the invitation form and the revocation. */
export default async function MyAidantsPage({ searchParams }: { searchParams: Promise<{ invitation?: string; fin?: string }> }) {
  const actor = await requireAudience('patient');
  const { invitation, fin } = await searchParams;
  const mine = await myAidants(getDb(), actor, clock.now());
  const helpLink = <p><Link href="/espace/personnes-aidees">Personnes que j’aide</Link> : les invitations que vous avez reçues pour devenir aidant.</p>;
  if (!mine) {
    return (
      <>
        <PageTitle title="Mes aidants" />
        <Alert variant="info" title="Pas de profil à partager">Seul le titulaire d’un profil ouvert peut choisir ses aidants.</Alert>
        {helpLink}
      </>
    );
  }
  const active = mine.links.filter((l) => l.status === 'ACCEPTED' || l.status === 'PENDING');
  const past = mine.links.filter((l) => l.status !== 'ACCEPTED' && l.status !== 'PENDING');
  const ended = mine.links.find((l) => l.id === fin && l.status === 'REVOKED');
  return (
    <>
      <PageTitle title="Mes aidants"
        lead="Un aidant est un proche majeur qui vous aide au quotidien. Avec votre accord, il accède à votre profil Mon espace santé depuis son propre compte.">
        {helpLink}
      </PageTitle>
      {invitation === 'envoyee' && (
        <Alert variant="success" title="Invitation envoyée">
          La personne est prévenue et a 30 jours pour accepter depuis son propre espace Mon espace santé.
        </Alert>
      )}
      {ended && <Alert variant="success" title="C’est fait">{ended.name} n’a plus accès à votre profil. La personne en est prévenue.</Alert>}

      <section aria-labelledby="aidants" className="mb-10 max-w-3xl">
        <h2 id="aidants" className="mb-4 text-2xl font-bold">Aidants et invitations en cours</h2>
        {active.length === 0 && <p>Vous n’avez pas d’aidant.</p>}
        <ul className="space-y-6">
          {active.map((l) => (
            <li key={l.id} className="rounded-lg border border-border bg-white p-6">
              <h3 className="text-xl font-bold">{l.name}</h3>
              <p className="mt-2"><Badge variant={AIDANT_STATUS[l.status].variant}>{AIDANT_STATUS[l.status].label}</Badge></p>
              <p className="mt-2 text-muted">
                {l.status === 'PENDING'
                  ? `Invitation envoyée le ${dayFr(l.invitedAt)}, valable jusqu’au ${dayFr(l.expiresAt)}.`
                  : `Aidant depuis le ${dayFr(l.respondedAt ?? l.invitedAt)}. Le justificatif d’accès est dans vos documents (Pièces administratives).`}
              </p>
              <RevokeAidantForm linkId={l.id} side="aide" name={l.name} pending={l.status === 'PENDING'} action={revokeAidantAction} />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="inviter" className="mb-10 max-w-3xl">
        <h2 id="inviter" className="mb-2 text-2xl font-bold">Inviter un aidant</h2>
        <div id="inviter-aide" className="mb-6 space-y-2">
          <p>Votre aidant pourra consulter et compléter vos documents et vos données de santé, écrire à vos professionnels de santé (ses messages portent la mention « aidant ») et recevoir vos notifications.</p>
          <p>Il ne pourra pas gérer le partage de votre profil (aidants, services, confidentialité, accès en urgence, blocage de professionnels), modifier vos coordonnées ou vos identifiants, fermer votre profil, télécharger vos données, ni voir les documents rendus invisibles pour vous.</p>
          <ul className="list-disc space-y-1 pl-6">
            <li>La personne doit être majeure et avoir activé son propre profil Mon espace santé.</li>
            <li>L’invitation expire au bout de 30 jours ; vous pouvez retirer l’accès à tout moment.</li>
            <li>Vous pouvez avoir {MAX_AIDANTS_PER_AIDE} aidants au plus, invitations en attente comprises.</li>
          </ul>
        </div>
        {mine.mayInvite
          ? <InviteAidantForm describedBy="inviter-aide" action={inviteAidantAction} />
          : (
            <Alert variant="info" title="Aucune autre invitation possible">
              {mine.adult
                ? `Vous avez déjà ${MAX_AIDANTS_PER_AIDE} aidants, invitations en attente comprises : retirez un aidant ou une invitation pour en inviter un autre.`
                : 'Seule une personne majeure peut choisir des aidants.'}
            </Alert>
          )}
      </section>

      <PastLinks links={past} id="passes" title="Invitations et accès terminés" />
    </>
  );
}
