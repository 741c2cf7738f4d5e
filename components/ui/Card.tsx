import Link from 'next/link';
import type { ReactNode } from 'react';
import { cx } from './cx';
import { ArrowRightIcon } from './icons';

export type CardProps = {
  title: ReactNode;
  /** Makes the whole card clickable; the link itself sits in the heading (RGAA 6.1). */
  href?: string;
  headingLevel?: 2 | 3 | 4;
  children?: ReactNode;
  className?: string;
};

/**
 * White content card. With `href`, the heading link is stretched over the card with a
 * pseudo-element, so the accessible name stays the title. Do not nest other links in it.
 */
export function Card({ title, href, headingLevel = 2, children, className }: CardProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <div
      className={cx(
        'relative flex flex-col rounded-lg border border-border bg-white p-6 shadow-sm',
        href &&
          'hover:border-primary-700 hover:shadow-md has-[a:focus-visible]:outline-2 ' +
            'has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-focus',
        className,
      )}
    >
      <Heading className="text-xl font-bold text-primary-900">
        {href ? (
          <Link
            href={href}
            className="inline-flex items-center gap-2 text-primary-700 after:absolute after:inset-0 after:content-['']"
          >
            {title}
            <ArrowRightIcon className="size-5 shrink-0" />
          </Link>
        ) : (
          title
        )}
      </Heading>
      {children && <div className="mt-2 space-y-2 text-ink">{children}</div>}
    </div>
  );
}
