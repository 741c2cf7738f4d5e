import type { ReactNode } from 'react';
import { cx } from './cx';
import { ErrorIcon, InfoIcon, SuccessIcon, WarningIcon } from './icons';

export type AlertVariant = 'info' | 'success' | 'warning' | 'error';

// Each variant has an icon and a spoken prefix, so the meaning never relies on colour (RGAA 3.1).
const variants: Record<AlertVariant, { box: string; prefix: string; Icon: typeof InfoIcon }> = {
  info: { box: 'border-info-700 bg-info-50 text-info-700', prefix: 'Information', Icon: InfoIcon },
  success: {
    box: 'border-success-700 bg-success-50 text-success-700',
    prefix: 'Succès',
    Icon: SuccessIcon,
  },
  warning: {
    box: 'border-warning-700 bg-warning-50 text-warning-700',
    prefix: 'Attention',
    Icon: WarningIcon,
  },
  error: { box: 'border-error-700 bg-error-50 text-error-700', prefix: 'Erreur', Icon: ErrorIcon },
};

export type AlertProps = {
  variant?: AlertVariant;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
  id?: string;
};

/**
 * Status message. Errors use role="alert" (announced immediately); the others role="status"
 * (announced politely) — WCAG 4.1.3.
 */
export function Alert({ variant = 'info', title, children, className, id }: AlertProps) {
  const { box, prefix, Icon } = variants[variant];
  return (
    <div
      id={id}
      role={variant === 'error' ? 'alert' : 'status'}
      className={cx('mb-6 flex gap-3 rounded-r-md border-l-4 p-4', box, className)}
    >
      <Icon className="mt-0.5 size-6 shrink-0" />
      <div className="min-w-0 text-ink">
        {title ? (
          <p className="font-bold">
            <span className="sr-only">{prefix} : </span>
            {title}
          </p>
        ) : (
          <span className="sr-only">{prefix} : </span>
        )}
        {children && <div className={cx(title ? 'mt-1' : undefined, 'space-y-2')}>{children}</div>}
      </div>
    </div>
  );
}
