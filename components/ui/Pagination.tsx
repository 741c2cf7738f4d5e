import Link from 'next/link';
import { ArrowLeftIcon, ArrowRightIcon } from './icons';

export type PaginationProps = {
  /** Keyset cursors: links are built by the caller, absent means "no page that way". */
  prevHref?: string;
  nextHref?: string;
  /** Names the navigation landmark, e.g. "Pagination des documents". */
  label: string;
  /** Link texts, "Page précédente" / "Page suivante" unless said otherwise (e.g. "Plus récents"). */
  prevLabel?: string;
  nextLabel?: string;
};

const linkClass = 'inline-flex min-h-11 items-center gap-2 px-2 font-semibold';

/** Previous/next navigation; an unavailable direction is plain text, not a dead link. */
export function Pagination({ prevHref, nextHref, label, prevLabel = 'Page précédente', nextLabel = 'Page suivante' }: PaginationProps) {
  if (!prevHref && !nextHref) return null;
  return (
    <nav aria-label={label} className="my-6">
      <ul className="flex flex-wrap items-center justify-between gap-4">
        <li>
          {prevHref ? (
            <Link href={prevHref} rel="prev" className={linkClass}>
              <ArrowLeftIcon />
              {prevLabel}
            </Link>
          ) : (
            <span className={`${linkClass} text-muted`}>
              <ArrowLeftIcon />
              {prevLabel}
            </span>
          )}
        </li>
        <li>
          {nextHref ? (
            <Link href={nextHref} rel="next" className={linkClass}>
              {nextLabel}
              <ArrowRightIcon />
            </Link>
          ) : (
            <span className={`${linkClass} text-muted`}>
              {nextLabel}
              <ArrowRightIcon />
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}
