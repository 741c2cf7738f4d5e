import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';
import { NotificationsNavLabel, notificationsNavName } from '@/components/notifications/NotificationsNavLabel';
import { getDb } from '@/db/client';
import { unreadCounts } from '@/lib/notifications/unread-counts';
import { MessagesNavLabel, messagesNavName } from '@/components/messaging/MessagesNavLabel';
import { unreadMessagesForNav } from '@/lib/messaging/unread-nav';

const nav = [
  { href: '/espace', label: 'Accueil' },
  { href: '/espace/documents', label: 'Documents' },
  { href: '/espace/profil-medical', label: 'Profil médical' },
  { href: '/espace/histoire-de-sante', label: 'Histoire de santé' },
  { href: '/espace/mesures', label: 'Mesures' },
  { href: '/espace/agenda', label: 'Agenda' },
  { href: '/espace/prevention', label: 'Prévention' }, // PRV-9
  { href: '/espace/messagerie', label: 'Messagerie' }, // MSG
  { href: '/espace/confidentialite', label: 'Confidentialité' },
  { href: '/espace/historique', label: 'Historique d’activité' },
  { href: '/espace/invitations', label: 'Invitations' },
  { href: '/espace/aidants', label: 'Aidants' }, // AID: « Mes aidants », linking « Personnes que j’aide »
  { href: '/espace/notifications', label: 'Notifications' },
  { href: '/espace/coordonnees', label: 'Mes coordonnées' }, // NOT-4: email and mobile, each confirmed by a code
];

/** The patient's space: only a signed-in patient (holder or representative) gets past this layout. */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('patient');
  // NOT-6: the unread count is part of the menu entry's name ("Notifications, 3 non lues").
  const [{ total: unread }, unreadMessages] = await Promise.all([unreadCounts(getDb(), actor), unreadMessagesForNav(getDb(), actor)]);
  const items = nav.map((item) => (item.href === '/espace/messagerie'
    ? { ...item, label: <MessagesNavLabel unread={unreadMessages} />, ariaLabel: messagesNavName(unreadMessages) }
    : item.href !== '/espace/notifications' ? item
      : { ...item, label: <NotificationsNavLabel unread={unread} />, ariaLabel: notificationsNavName(unread) }));
  return (
    <PageShell homeHref="/espace" nav={items} user={{ name: actor.name, signOutAction }}>
      {children}
    </PageShell>
  );
}
