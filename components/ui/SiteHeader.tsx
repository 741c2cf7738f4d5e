import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button } from './Button';
import { cx } from './cx';
import { UserIcon } from './icons';
import { LogoMark } from './LogoMark';

/** `label` may hold more than text (a count badge); `ariaLabel` then gives the spoken name ("Notifications, 3 non lues"). */
export type NavItem = { href: string; label: ReactNode; ariaLabel?: string; current?: boolean };

export type SiteHeaderProps = {
  /** e.g. "Professionnels de santé", "Back-office Assurance Maladie", "France Services". */
  audienceLabel?: string;
  homeHref: string;
  nav?: readonly NavItem[];
  user?: {
    name: string;
    signOutAction?: (formData: FormData) => void | Promise<void>;
  };
};

/** Banner with product name, audience, main menu and the signed-in user. Wraps at 200 % zoom. */
export function SiteHeader({ audienceLabel, homeHref, nav, user }: SiteHeaderProps) {
  return (
    <header className="border-t-4 border-b border-t-primary-700 border-b-border bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-4">
        <Link href={homeHref} className="flex items-center gap-3 text-ink no-underline">
          <LogoMark />
          <span className="flex flex-col leading-tight">
            <span className="text-xl font-bold text-primary-900">Mon espace santé</span>
            {audienceLabel && <span className="text-sm text-muted">{audienceLabel}</span>}
            <span className="sr-only"> – accueil</span>
          </span>
        </Link>
        {user && (
          <div className="flex flex-wrap items-center gap-3">
            <p className="flex items-center gap-2 text-sm font-semibold">
              <UserIcon className="size-5 shrink-0 text-primary-700" />
              <span className="sr-only">Session ouverte pour </span>
              {user.name}
            </p>
            {user.signOutAction && (
              <form action={user.signOutAction}>
                <Button type="submit" variant="secondary">
                  Se déconnecter
                </Button>
              </form>
            )}
          </div>
        )}
      </div>
      {nav && nav.length > 0 && (
        <nav aria-label="Menu principal" className="border-t border-border">
          <ul className="mx-auto flex max-w-6xl flex-wrap gap-x-2 px-2">
            {nav.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-label={item.ariaLabel}
                  aria-current={item.current ? 'page' : undefined}
                  className={cx(
                    'inline-flex min-h-11 items-center border-b-4 px-2 py-2 font-semibold no-underline',
                    item.current
                      ? 'border-primary-700 text-primary-900'
                      : 'border-transparent text-primary-700 hover:border-primary-200',
                  )}
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}
