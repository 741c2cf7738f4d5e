import type { ReactNode } from 'react';
import { cx } from './cx';
import { SiteFooter } from './SiteFooter';
import { SiteHeader, type SiteHeaderProps } from './SiteHeader';
import { SkipLinks } from './SkipLinks';

export type PageShellProps = SiteHeaderProps & {
  children: ReactNode;
  /** narrow suits forms (readable line length), wide suits back-office tables. */
  width?: 'narrow' | 'default' | 'wide';
};

const widths = { narrow: 'max-w-3xl', default: 'max-w-6xl', wide: 'max-w-7xl' } as const;

/** Page frame used by every audience layout: skip links, header, main, footer landmarks. */
export function PageShell({ children, width = 'default', ...header }: PageShellProps) {
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLinks />
      <SiteHeader {...header} />
      {/* tabIndex=-1 so the skip link moves focus here in every browser. */}
      <main id="contenu" tabIndex={-1} className={cx('mx-auto w-full flex-1 px-4 py-8 md:py-12', widths[width])}>
        {children}
      </main>
      <SiteFooter />
    </div>
  );
}
