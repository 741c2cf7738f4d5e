import type { ReactNode } from 'react';
import { cx } from './cx';

export type BadgeVariant = 'neutral' | 'info' | 'success' | 'warning' | 'error' | 'accent';

// Text carries the meaning; colour only reinforces it (RGAA 3.1). All pairs >= 5.7:1.
const variants: Record<BadgeVariant, string> = {
  neutral: 'bg-surface text-ink border-border-strong',
  info: 'bg-info-50 text-info-700 border-info-700',
  success: 'bg-success-50 text-success-700 border-success-700',
  warning: 'bg-warning-50 text-warning-700 border-warning-700',
  error: 'bg-error-50 text-error-700 border-error-700',
  accent: 'bg-accent-50 text-accent-700 border-accent-700',
};

export type BadgeProps = { variant?: BadgeVariant; children: ReactNode; className?: string };

/** Short status label, e.g. "Nouveau", "Masqué", "En échec". */
export function Badge({ variant = 'neutral', children, className }: BadgeProps) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded border px-2 py-0.5 text-sm font-semibold',
        variants[variant],
        className,
      )}
    >
      {children}
    </span>
  );
}
