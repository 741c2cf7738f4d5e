import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { template: '%s — Mon espace santé', default: 'Mon espace santé' },
  description:
    'Réimplémentation ouverte de Mon espace santé : un espace personnel pour stocker et partager ses documents et données de santé.',
};

// Root layout: document language and global CSS only. Each audience layout renders its own
// PageShell. No inline <script> here: the CSP uses nonces (set by proxy.ts).
export default async function RootLayout({ children }: { children: ReactNode }) {
  // Nonces change per request, so no page may be prerendered: a static page would ship
  // scripts without the nonce and be blocked by the CSP. This opts every route into
  // dynamic rendering in one place.
  await connection();
  return (
    <html lang="fr">
      <body>{children}</body>
    </html>
  );
}
