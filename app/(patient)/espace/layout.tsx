import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';

const nav = [
  { href: '/espace', label: 'Accueil' },
  { href: '/espace/documents', label: 'Documents' },
  { href: '/espace/mesures', label: 'Mesures' },
  { href: '/espace/confidentialite', label: 'Confidentialité' },
  { href: '/espace/historique', label: 'Historique d’activité' },
  { href: '/espace/invitations', label: 'Invitations' },
];

/** The patient's space: only a signed-in patient (holder or representative) gets past this layout. */
export default async function PatientLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('patient');
  return (
    <PageShell homeHref="/espace" nav={nav} user={{ name: actor.name, signOutAction }}>
      {children}
    </PageShell>
  );
}
