import type { InputHTMLAttributes, ReactNode } from 'react';
import { cx } from './cx';
import { describedBy, ErrorMessage, errorText, Hint, RequiredMark, type FieldError } from './field-parts';

export type CheckboxProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'name' | 'type' | 'children'
> & {
  label: ReactNode;
  name: string;
  /** Defaults to `name` (ErrorSummary links to `#name`). */
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
};

/** A single checkbox; the 24px box and its clickable label satisfy WCAG 2.5.8. */
export function Checkbox({
  label,
  name,
  id,
  hint,
  error,
  required,
  className,
  'aria-describedby': extraDescribedBy,
  ...rest
}: CheckboxProps) {
  const fieldId = id ?? name;
  const message = errorText(error);
  return (
    <div className={cx('mb-6', className)}>
      {message && <ErrorMessage id={`${fieldId}-error`}>{message}</ErrorMessage>}
      <div className="mt-2 flex items-start gap-3">
        <input
          id={fieldId}
          name={name}
          type="checkbox"
          required={required}
          aria-describedby={describedBy(fieldId, !!hint, !!message, extraDescribedBy)}
          aria-invalid={!!message}
          className="mt-0.5 size-6 shrink-0 accent-primary-700"
          {...rest}
        />
        <div>
          <label htmlFor={fieldId} className="font-semibold">
            {label}
            {required && <RequiredMark />}
          </label>
          {hint && <Hint id={`${fieldId}-hint`}>{hint}</Hint>}
        </div>
      </div>
    </div>
  );
}
