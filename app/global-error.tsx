'use client';

// Replaces the root layout when it fails, so it renders its own <html lang="fr"> and styles.
import './globals.css';
import { Button } from '@/components/ui/Button';
import { errorDigest } from '@/components/ui/error-digest';

type GlobalErrorProps = { error: unknown; reset: () => void; retry?: () => void };

export default function GlobalError({ error, reset, retry }: GlobalErrorProps) {
  const digest = errorDigest(error);
  return (
    <html lang="fr">
      <body>
        <title>Une erreur est survenue — Mon espace santé</title>
        <main id="contenu" className="mx-auto max-w-3xl px-4 py-12">
          <h1 className="text-3xl font-bold text-primary-900">Une erreur est survenue</h1>
          <p className="mt-3 text-lg text-muted">
            Le service n’a pas pu s’afficher. Vous pouvez réessayer dans quelques instants.
          </p>
          <div className="mt-6 flex flex-wrap gap-3">
            <Button onClick={() => (retry ?? reset)()}>Réessayer</Button>
            {/* A full reload on purpose: the router may be unusable when the root layout failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/" className="inline-flex min-h-11 items-center font-semibold">
              Revenir à l’accueil
            </a>
          </div>
          {digest && (
            <p className="mt-6 text-muted">
              Référence de l’erreur : <code className="font-mono">{digest}</code>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}
