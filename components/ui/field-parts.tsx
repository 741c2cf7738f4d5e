// Building blocks shared by Field, Textarea, Select, Checkbox and RadioGroup so every control
// wires label / hint / error the same way (RGAA 11.1, 11.10; WCAG 3.3.1, 1.3.1).
import type { ReactNode } from 'react';
import { ErrorIcon } from './icons';

/** Accepts a single message or zod's `fieldErrors.x` array directly. */
export type FieldError = string | readonly string[] | null | undefined;

export function errorText(error: FieldError): string | undefined {
  if (!error) return undefined;
  const text = typeof error === 'string' ? error : error.join(' ');
  return text.trim() === '' ? undefined : text;
}

/** Ids the control must reference: hint first, then error, then any caller-provided ids. */
export function describedBy(
  id: string,
  hasHint: boolean,
  hasError: boolean,
  extra?: string,
): string | undefined {
  const ids = [hasHint && `${id}-hint`, hasError && `${id}-error`, extra].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** Required state is written out in words, not signalled by an asterisk or colour alone. */
export function RequiredMark() {
  return <span className="font-normal text-muted"> (obligatoire)</span>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 text-sm text-muted">
      {children}
    </p>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-1 flex items-start gap-1 font-semibold text-error-700">
      <ErrorIcon className="mt-0.5 size-5 shrink-0" />
      <span>
        <span className="sr-only">Erreur : </span>
        {children}
      </span>
    </p>
  );
}

/** Shared look of text-like controls; a thicker red border when invalid (plus the message). */
export function controlClasses(invalid: boolean): string {
  return [
    'mt-2 block w-full min-h-11 rounded-md border bg-white px-3 py-2 text-base text-ink',
    invalid ? 'border-2 border-error-700' : 'border-border-strong',
  ].join(' ');
}
