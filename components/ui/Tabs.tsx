import Link from 'next/link';
import type { ReactNode } from 'react';
import { cx } from './cx';

export type TabItem = { href: string; label: ReactNode; current?: boolean };

export type TabsProps = {
  /** Names the navigation landmark, e.g. "Sections du profil médical". */
  label: string;
  items: readonly TabItem[];
  /** Alternative to `current` on items: the href of the page being shown. */
  currentHref?: string;
};

/**
 * Sub-navigation that looks like tabs but is a list of links (each loads a page), so it uses
 * aria-current="page" rather than the ARIA tab pattern, which would need client JavaScript.
 */
export function Tabs({ label, items, currentHref }: TabsProps) {
  return (
    <nav aria-label={label} className="mb-8 border-b border-border-strong">
      <ul className="-mb-px flex flex-wrap gap-x-2">
        {items.map((item) => {
          const current = item.current ?? item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? 'page' : undefined}
                className={cx(
                  'inline-flex min-h-11 items-center border-b-4 px-3 py-2 no-underline',
                  current
                    ? 'border-primary-700 font-bold text-primary-900'
                    : 'border-transparent text-primary-700 underline hover:border-primary-200',
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
