import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert, ButtonLink, PageTitle, Pagination } from '@/components/ui';
import { ProfileSwitcher } from '@/components/documents/ProfileSwitcher';
import { NotificationCard } from '@/components/notifications/NotificationCard';
import { getDb } from '@/db/client';
import { switchableProfiles } from '@/lib/accounts/switchable-profiles';
import { requireAudience } from '@/lib/auth/session';
import { clock } from '@/lib/clock';
import { AccessDeniedError, NotFoundError } from '@/lib/errors';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { unreadCounts } from '@/lib/notifications/unread-counts';
import { selectedProfileId, withProfile } from '../selected-profile';
import { deleteAction, markAllReadAction, markReadAction } from './actions';

export const metadata: Metadata = { title: 'Notifications' };

type Search = { profil?: string; avant?: string; apres?: string; erreur?: string; lue?: string; 'tout-lu'?: string; supprimee?: string };

const unreadLabel = (n: number) => (n > 0 ? ` (${n} non ${n > 1 ? 'lues' : 'lue'})` : '');

/** NOT-6: the in-app centre of one profile, newest first, read state per account, keyset pages. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireAudience('patient');
  const search = await searchParams;
  const db = getDb();
  const [profiles, counts] = await Promise.all([switchableProfiles(db, actor), unreadCounts(db, actor)]);
  // CLO-8: an account whose own profile is closed lands on the first profile it still manages.
  const preferred = selectedProfileId(actor, search.profil);
  const profileId = (search.profil || profiles.some((p) => p.id === preferred)) ? preferred : profiles[0]?.id;
  if (!profileId) notFound();
  const page = await listNotifications(db, actor, { profileId, before: search.avant, after: search.apres }, clock.now())
    .catch((e) => { if (e instanceof AccessDeniedError || e instanceof NotFoundError) notFound(); throw e; });
  const profil = search.profil;
  const current = profiles.find((p) => p.id === profileId);
  const own = profileId === actor.ownProfileId;
  const unread = counts.byProfile[profileId] ?? 0;
  const keep = { ...(search.avant && { avant: search.avant }), ...(search.apres && { apres: search.apres }) };
  const hidden = (
    <>
      {profil && <input type="hidden" name="profil" value={profil} />}
      {Object.entries(keep).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    </>
  );
  return (
    <>
      <PageTitle title={own || !current ? 'Notifications' : `Notifications de ${current.firstName}`}
        lead="Les nouveautés du profil : documents ajoutés par un professionnel, accès à votre profil, sécurité de votre compte.">
        <ButtonLink href="/espace/notifications/preferences" variant="secondary">Mes préférences de notification</ButtonLink>
      </PageTitle>
      <ProfileSwitcher profiles={profiles.map((p) => ({ id: p.id, label: `${p.label}${unreadLabel(counts.byProfile[p.id] ?? 0)}` }))}
        current={profileId} action="/espace/notifications" />
      {search.erreur && <Alert variant="error" title="L’action n’a pas abouti">{search.erreur}</Alert>}
      {search.lue && <Alert variant="success" title="Notification marquée comme lue" />}
      {search['tout-lu'] && <Alert variant="success" title="Toutes les notifications sont marquées comme lues" />}
      {search.supprimee && (
        <Alert variant="success" title="Notification supprimée">Elle est aussi supprimée pour les autres personnes qui ont accès à ce profil.</Alert>
      )}
      <div className="mb-6 flex flex-wrap items-center justify-between gap-4">
        <p role="status">
          {unread === 0 ? 'Aucune notification non lue.' : `${unread} notification${unread > 1 ? 's' : ''} non ${unread > 1 ? 'lues' : 'lue'}.`}
        </p>
        {unread > 0 && (
          <form action={markAllReadAction}>
            {profil && <input type="hidden" name="profil" value={profil} />}
            <input type="hidden" name="profil-affiche" value={profileId} />
            <button type="submit" className="min-h-11 font-semibold text-primary-700 underline underline-offset-4">Tout marquer comme lu</button>
          </form>
        )}
      </div>
      <p className="mb-6 max-w-3xl text-muted">
        Supprimer une notification la supprime aussi pour les autres personnes qui ont accès à ce profil (représentant légal, aidant).
      </p>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-border bg-white p-6">
          {page.newerCursor ? 'Aucune notification plus ancienne.' : 'Vous n’avez aucune notification pour le moment.'}
        </p>
      ) : (
        <ul aria-label="Liste des notifications" className="space-y-4">
          {page.items.map((item) => (
            <li key={item.id}>
              <NotificationCard item={item} profil={profil} hiddenFields={hidden} markReadAction={markReadAction} deleteAction={deleteAction} />
            </li>
          ))}
        </ul>
      )}
      <Pagination label="Pages des notifications"
        prevHref={page.newerCursor ? withProfile('/espace/notifications', profil, { apres: page.newerCursor }) : undefined}
        nextHref={page.olderCursor ? withProfile('/espace/notifications', profil, { avant: page.olderCursor }) : undefined} />
      <p className="mt-8"><Link href={withProfile('/espace/historique', profil)}>Voir l’historique d’activité du profil</Link></p>
    </>
  );
}
