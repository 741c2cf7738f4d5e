import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';

const nav = [
  { href: '/activation', label: 'Activer mon profil' },
  { href: '/connexion', label: 'Me connecter' },
  { href: '/opposition', label: 'M’opposer' },
];

// Frame for pages that need no sign-in: home, activation, sign-in, help, accessibility.
export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <PageShell homeHref="/" nav={nav}>
      {children}
    </PageShell>
  );
}
