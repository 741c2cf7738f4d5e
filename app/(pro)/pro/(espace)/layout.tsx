import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';

/** Professionals' space: a Pro Santé Connect session only, checked on the server. */
export default async function ProLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('pro');
  return (
    <PageShell audienceLabel="Professionnels de santé" homeHref="/pro" nav={[{ href: '/pro', label: 'Accueil' }]}
      user={{ name: actor.name, signOutAction }}>
      {children}
    </PageShell>
  );
}
