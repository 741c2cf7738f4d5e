import type { Metadata } from 'next';
import { ButtonLink, PageShell, PageTitle } from '@/components/ui';

export const metadata: Metadata = { title: 'Page introuvable' };

// Rendered inside the root layout only, so it brings its own PageShell.
export default function NotFound() {
  return (
    <PageShell homeHref="/">
      <PageTitle
        title="Page introuvable"
        lead="La page que vous cherchez n’existe pas ou a été déplacée. Si vous avez saisi l’adresse, vérifiez qu’elle est correcte."
      >
        <ButtonLink href="/">Revenir à l’accueil</ButtonLink>
        <ButtonLink href="/aide" variant="secondary">
          Consulter l’aide
        </ButtonLink>
      </PageTitle>
    </PageShell>
  );
}
