'use client';

// Error boundaries must be client components. This one replaces the audience layouts, so it
// brings its own PageShell (server-safe primitives work in client components too).
import { useEffect } from 'react';
import { Button, ButtonLink, PageShell, PageTitle } from '@/components/ui';
import { errorDigest } from '@/components/ui/error-digest';

type ErrorPageProps = {
  error: unknown;
  reset: () => void;
  /** Next 16: re-fetches the segment then resets; preferred when available. */
  retry?: () => void;
};

export default function ErrorPage({ error, reset, retry }: ErrorPageProps) {
  const digest = errorDigest(error);
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <PageShell homeHref="/">
      <PageTitle
        title="Une erreur est survenue"
        lead="Nous n’avons pas pu afficher cette page. Vous pouvez réessayer dans quelques instants."
      >
        <Button onClick={() => (retry ?? reset)()}>Réessayer</Button>
        <ButtonLink href="/" variant="secondary">
          Revenir à l’accueil
        </ButtonLink>
      </PageTitle>
      {digest && (
        <p className="text-muted">
          Référence de l’erreur : <code className="font-mono">{digest}</code>
          <br />
          Communiquez cette référence si vous contactez l’assistance.
        </p>
      )}
    </PageShell>
  );
}
