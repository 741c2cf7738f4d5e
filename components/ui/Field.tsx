import type { InputHTMLAttributes, ReactNode } from 'react';
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

export type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'children'> & {
  label: ReactNode;
  name: string;
  /** Defaults to `name`, so an ErrorSummary entry `{ field: name }` links straight here. */
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
  /** Classes for the input itself (e.g. a width); `className` goes on the wrapper. */
  inputClassName?: string;
};

/** Label + hint + error + <input>, with ids wired for assistive technologies. */
export function Field({
  label,
  name,
  id,
  hint,
  error,
  required,
  className,
  inputClassName,
  type = 'text',
  'aria-describedby': extraDescribedBy,
  ...rest
}: FieldProps) {
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
      <input
        id={fieldId}
        name={name}
        type={type}
        required={required}
        aria-describedby={describedBy(fieldId, !!hint, !!message, extraDescribedBy)}
        aria-invalid={!!message}
        className={cx(controlClasses(!!message), inputClassName)}
        {...rest}
      />
    </div>
  );
}
