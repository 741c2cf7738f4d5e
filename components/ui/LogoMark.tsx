import { cx } from './cx';

/**
 * Our own mark: a rounded square with a heart and a cross. Deliberately not a State logo
 * (no Marianne): this is an independent re-implementation. Decorative; the name is in text.
 */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
      className={cx('size-10 shrink-0', className)}
    >
      <rect width="40" height="40" rx="10" className="fill-primary-700" />
      <path
        d="M20 31.5S9.5 25.2 9.5 17.6a5.6 5.6 0 0 1 10.5-2.8 5.6 5.6 0 0 1 10.5 2.8c0 7.6-10.5 13.9-10.5 13.9Z"
        fill="#ffffff"
      />
      <path d="M18.5 17.5h3v3h3v3h-3v3h-3v-3h-3v-3h3Z" className="fill-accent-700" />
    </svg>
  );
}
