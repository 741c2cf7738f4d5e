import Link from 'next/link';
import { LogoMark } from './LogoMark';

/** Footer landmark, target of the "Aller au pied de page" skip link. */
export function SiteFooter() {
  return (
    <footer id="pied-de-page" className="mt-16 border-t-4 border-primary-700 bg-white">
      <div className="mx-auto max-w-6xl space-y-4 px-4 py-8">
        <p className="flex items-center gap-3 text-lg font-bold text-primary-900">
          <LogoMark className="size-8" />
          Mon espace santé
        </p>
        <p className="max-w-3xl text-muted">
          Ce site est une réimplémentation ouverte de Mon espace santé. Ce n’est pas le service
          officiel : il n’est édité ni par l’Assurance Maladie ni par l’État.
        </p>
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          <li>
            {/* Compliance status linked to the statement, as RGAA 4.1 requires. */}
            <Link href="/accessibilite" className="inline-flex min-h-6 items-center">
              Accessibilité : partiellement conforme
            </Link>
          </li>
          <li>
            <Link href="/accessibilite" className="inline-flex min-h-6 items-center">
              Déclaration d’accessibilité
            </Link>
          </li>
          <li>
            <Link href="/cgu" className="inline-flex min-h-6 items-center">
              Conditions d’utilisation et confidentialité
            </Link>
          </li>
          <li>
            <Link href="/aide" className="inline-flex min-h-6 items-center">
              Aide
            </Link>
          </li>
        </ul>
      </div>
    </footer>
  );
}
