import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';

const nav = [
  { href: '/pro', label: 'Mes patients' },
  { href: '/pro/patients/recherche', label: 'Rechercher un patient' },
  { href: '/pro/messages', label: 'Messagerie sécurisée' },
  { href: '/pro/activite', label: 'Mon activité' },
];

/** Professionals' space: a Pro Santé Connect session only, checked on the server. */
export default async function ProLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('pro');
  const name = actor.facility ? `${actor.name} (${actor.facility.name})` : actor.name;
  return (
    <PageShell audienceLabel="Professionnels de santé" homeHref="/pro" nav={nav} user={{ name, signOutAction }}>
      {children}
    </PageShell>
  );
}
