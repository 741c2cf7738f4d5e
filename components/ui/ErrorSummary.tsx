import { cx } from './cx';
import { ErrorIcon } from './icons';

export type FormError = { field: string; message: string };

/**
 * Builds ErrorSummary entries from per-field errors: a plain message per field (FormState) or
 * zod's `flattenError(...).fieldErrors` arrays (first message kept).
 */
export function toFormErrors(
  fieldErrors: Readonly<Record<string, string | readonly string[] | undefined>>,
): FormError[] {
  return Object.entries(fieldErrors).flatMap(([field, value]) => {
    const message = typeof value === 'string' ? value : value?.[0];
    return message ? [{ field, message }] : [];
  });
}

export type ErrorSummaryProps = {
  errors: readonly FormError[];
  title?: string;
  id?: string;
  /** Focus the summary when it appears (server render and client re-render). */
  autoFocus?: boolean;
  className?: string;
};

/**
 * Lists form errors at the top of the form with links to each field (WCAG 3.3.1, RGAA 11.10).
 * tabIndex=-1 lets it receive focus so screen readers read it first after a failed submit.
 */
export function ErrorSummary({
  errors,
  title = 'Le formulaire contient des erreurs',
  id = 'resume-erreurs',
  autoFocus = true,
  className,
}: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  return (
    <div
      id={id}
      tabIndex={-1}
      autoFocus={autoFocus}
      role="alert"
      className={cx('mb-8 rounded-md border-2 border-error-700 bg-white p-4', className)}
    >
      <h2 className="flex items-center gap-2 text-lg font-bold text-error-700">
        <ErrorIcon className="size-6 shrink-0" />
        {title}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {errors.map((error, index) => (
          <li key={`${error.field}-${index}`}>
            <a href={`#${error.field}`} className="font-semibold text-error-700 hover:text-error-800">
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
