import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';

/** France Services advisors: their own space, never the patient's medical content (FS-4). */
export default async function AdvisorLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('advisor');
  return (
    <PageShell audienceLabel="Conseillers France Services" homeHref="/accompagnement" nav={[{ href: '/accompagnement', label: 'Accueil' }]}
      user={{ name: actor.name, signOutAction }}>
      {children}
    </PageShell>
  );
}
