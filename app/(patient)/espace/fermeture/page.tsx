import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CloseProfileForm } from '@/components/closure/CloseProfileForm';
import { ClosureEffects } from '@/components/closure/ClosureEffects';
import { Alert, PageTitle } from '@/components/ui';
import { getDb } from '@/db/client';
import { authorize } from '@/lib/access/policy';
import { listAccessibleProfiles } from '@/lib/accounts/accessible-profiles';
import { findProfileTarget } from '@/lib/accounts/profile-target';
import { requireAudience } from '@/lib/auth/session';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { closeProfileAction } from './actions';

export const metadata: Metadata = { title: 'Fermer mon profil' };

/** CLO-1, CLO-3, CLO-8: "Fermer mon profil", or with ?profil= a represented child's "Clôture du profil". */
export default async function CloseProfilePage({ searchParams }: { searchParams: Promise<{ profil?: string }> }) {
  const actor = await requireAudience('patient');
  const { profil } = await searchParams;
  if (profil !== undefined && !/^[0-9a-f-]{36}$/.test(profil)) notFound();
  const profileId = profil ?? actor.ownProfileId;
  if (!profileId) notFound();
  const db = getDb();
  const own = profileId === actor.ownProfileId;
  const profile = await findProfileTarget(db, profileId).catch((e) => { if (e instanceof NotFoundError) return undefined; throw e; });
  const decision = authorize(actor, 'profile.close', { profile: profile?.target });
  const title = own ? 'Fermer mon profil' : `Clôture du profil de ${profile?.firstName ?? 'l’enfant'}`;
  if (!profile || !decision.allowed) {
    return (
      <>
        <PageTitle title={title} />
        <Alert variant="error" title="Ce profil ne peut pas être fermé ici">
          <p>{new AccessDeniedError(decision.allowed ? 'profil introuvable.' : decision.reason).message}</p>
          <p><Link href="/espace">Revenir à l’accueil</Link></p>
        </Alert>
      </>
    );
  }
  const children = own ? (await listAccessibleProfiles(db, actor)).filter((p) => p.relation === 'REPRESENTATIVE' && (p.state === 'CREATED' || p.state === 'ACTIVE')) : [];
  return (
    <>
      <PageTitle title={title}
        lead={own ? 'Vous pouvez fermer votre profil Mon espace santé à tout moment.' : `Vous êtes représentant légal de ${profile.firstName} : vous pouvez fermer son profil Mon espace santé à tout moment.`} />
      <ClosureEffects own={own} firstName={profile.firstName} />
      {own && (
        <section aria-labelledby="enfants" className="mb-8 max-w-3xl">
          <h2 id="enfants" className="mb-3 text-2xl font-bold">Et les profils de vos enfants ?</h2>
          <p>Fermer votre profil ne ferme pas ceux des enfants que vous représentez : ils restent ouverts et les professionnels de santé continuent d’y accéder.</p>
          {children.length > 0 && (
            <>
              <p className="mt-2">Pour fermer aussi le profil d’un enfant, faites-le avant de fermer le vôtre :</p>
              <ul className="mt-2 list-disc space-y-1 pl-6">
                {children.map((c) => <li key={c.id}><Link href={`/espace/fermeture?profil=${c.id}`}>Fermer le profil de {c.firstName}</Link></li>)}
              </ul>
            </>
          )}
        </section>
      )}
      <h2 className="mb-4 text-2xl font-bold">{own ? 'Fermer mon profil' : `Fermer le profil de ${profile.firstName}`}</h2>
      <CloseProfileForm profileId={profileId} own={own} firstName={profile.firstName} action={closeProfileAction} />
      <p className="mt-8"><Link href={own ? '/espace' : `/espace/enfants/${profileId}`}>Annuler et revenir {own ? 'à l’accueil' : `au profil de ${profile.firstName}`}</Link></p>
    </>
  );
}
