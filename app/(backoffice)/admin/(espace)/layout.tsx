import type { ReactNode } from 'react';
import { PageShell } from '@/components/ui';
import { requireAudience } from '@/lib/auth/session';
import { signOutAction } from '@/app/_auth/login-actions';

const nav = [
  { href: '/admin', label: 'Accueil' },
  { href: '/admin/population', label: 'Population assurée' },
  { href: '/admin/remboursements', label: 'Remboursements' },
  { href: '/admin/campagnes', label: 'Campagnes' },
  { href: '/admin/prevention', label: 'Campagnes de prévention' },
  { href: '/admin/beneficiaires/nouveau', label: 'Créer un bénéficiaire' },
  { href: '/admin/suppressions', label: 'File des suppressions' },
  { href: '/admin/ouvertures', label: 'Ouvertures impossibles' },
  { href: '/admin/taches', label: 'Tâches en échec' },
  { href: '/admin/matrice', label: 'Matrice d’habilitation' },
  { href: '/admin/referentiels', label: 'Données de référence' },
  { href: '/admin/urgences', label: 'Accès en urgence' },
  { href: '/admin/logiciels', label: 'Logiciels professionnels' },
  { href: '/admin/conseillers', label: 'Conseillers France Services' },
  { href: '/admin/sites-france-services', label: 'Sites France Services' },
  { href: '/admin/courriels', label: 'Courriels (démonstration)' },
  { href: '/admin/sms-push', label: 'SMS et notifications push (démonstration)' },
];

/** CNAM back-office: staff only, checked here on the server for every page. */
export default async function BackofficeLayout({ children }: { children: ReactNode }) {
  const actor = await requireAudience('staff');
  return (
    <PageShell audienceLabel="Back-office Assurance Maladie" homeHref="/admin" nav={nav} width="wide"
      user={{ name: actor.name, signOutAction }}>
      {children}
    </PageShell>
  );
}
