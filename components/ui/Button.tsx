import type { ButtonHTMLAttributes } from 'react';
import { cx } from './cx';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'link';

// Shared with ButtonLink so a link and a button look identical when they should.
// min-h-11 = 44px target (WCAG 2.5.8 asks 24px; 44px is friendlier on touch screens).
// Transparent borders keep the shape visible in Windows high-contrast mode.
const base =
  'inline-flex min-h-11 items-center justify-center gap-2 rounded-md border-2 px-5 py-2 ' +
  'text-base font-semibold no-underline transition-colors ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-not-allowed';

const variants: Record<ButtonVariant, string> = {
  primary:
    'border-transparent bg-primary-700 text-white hover:bg-primary-800 hover:text-white',
  secondary:
    'border-primary-700 bg-white text-primary-700 hover:bg-primary-50 hover:text-primary-800',
  danger: 'border-transparent bg-error-700 text-white hover:bg-error-800 hover:text-white',
  link:
    'min-h-6 border-transparent bg-transparent px-1 py-0.5 text-primary-700 underline ' +
    'underline-offset-4 hover:text-primary-900 hover:decoration-2',
};

export function buttonClasses(variant: ButtonVariant = 'primary', className?: string): string {
  return cx(base, variants[variant], className);
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
};

/** A native <button>. `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant = 'primary', type = 'button', className, ...rest }: ButtonProps) {
  return <button type={type} className={buttonClasses(variant, className)} {...rest} />;
}
