import type { ReactNode } from 'react';

/**
 * BO: a labelled native <progress> with its figures in words (announced with it through aria-describedby).
 * Shared by the account-creation and prevention campaign pages.
 */
export function ProgressBar({ id = 'avancement', label, value, max, children }: {
  id?: string; label: string; value: number; max: number; children: ReactNode;
}) {
  return (
    <div className="mb-6 max-w-3xl">
      <label htmlFor={id} className="block font-semibold">{label}</label>
      <progress id={id} max={Math.max(max, 1)} value={Math.min(Math.max(value, 0), max)} aria-describedby={`${id}-texte`}
        className="mt-2 block h-4 w-full overflow-hidden rounded border border-border-strong bg-primary-50 [&::-moz-progress-bar]:bg-primary-700 [&::-webkit-progress-bar]:bg-primary-50 [&::-webkit-progress-value]:bg-primary-700" />
      <p id={`${id}-texte`} className="mt-2">{children}</p>
    </div>
  );
}
