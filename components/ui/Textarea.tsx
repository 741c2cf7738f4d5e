import type { ReactNode, TextareaHTMLAttributes } from 'react';
import { cx } from './cx';
import {
  controlClasses,
  describedBy,
  ErrorMessage,
  errorText,
  Hint,
  RequiredMark,
  type FieldError,
} from './field-parts';

export type TextareaProps = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'name' | 'children'
> & {
  label: ReactNode;
  name: string;
  /** Defaults to `name` (ErrorSummary links to `#name`). */
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
};

/** Multi-line counterpart of Field, same label/hint/error wiring. */
export function Textarea({
  label,
  name,
  id,
  hint,
  error,
  required,
  className,
  rows = 5,
  'aria-describedby': extraDescribedBy,
  ...rest
}: TextareaProps) {
  const fieldId = id ?? name;
  const message = errorText(error);
  return (
    <div className={cx('mb-6', className)}>
      <label htmlFor={fieldId} className="block font-semibold">
        {label}
        {required && <RequiredMark />}
      </label>
      {hint && <Hint id={`${fieldId}-hint`}>{hint}</Hint>}
      {message && <ErrorMessage id={`${fieldId}-error`}>{message}</ErrorMessage>}
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        required={required}
        aria-describedby={describedBy(fieldId, !!hint, !!message, extraDescribedBy)}
        aria-invalid={!!message}
        className={controlClasses(!!message)}
        {...rest}
      />
    </div>
  );
}
