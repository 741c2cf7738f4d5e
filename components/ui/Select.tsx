import type { ReactNode, SelectHTMLAttributes } from 'react';
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

export type SelectOption = { value: string; label: string; disabled?: boolean };

export type SelectProps = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'id' | 'name' | 'children'
> & {
  label: ReactNode;
  name: string;
  options: readonly SelectOption[];
  /** Defaults to `name` (ErrorSummary links to `#name`). */
  id?: string;
  hint?: ReactNode;
  error?: FieldError;
  /** Adds a first empty option, e.g. "Sélectionnez une option". */
  placeholder?: string;
};

/** Native <select>: the most robust choice for keyboard and screen-reader users. */
export function Select({
  label,
  name,
  options,
  id,
  hint,
  error,
  placeholder,
  required,
  className,
  'aria-describedby': extraDescribedBy,
  ...rest
}: SelectProps) {
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
      <select
        id={fieldId}
        name={name}
        required={required}
        aria-describedby={describedBy(fieldId, !!hint, !!message, extraDescribedBy)}
        aria-invalid={!!message}
        className={controlClasses(!!message)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
