import type { ReactNode } from 'react';
import { cx } from './cx';
import { ErrorMessage, errorText, Hint, RequiredMark, type FieldError } from './field-parts';

export type RadioOption = { value: string; label: ReactNode; hint?: ReactNode; disabled?: boolean };

export type RadioGroupProps = {
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  defaultValue?: string;
  hint?: ReactNode;
  error?: FieldError;
  required?: boolean;
  className?: string;
};

/**
 * Radios grouped in a fieldset/legend (RGAA 11.5). The first radio's id is `name`, so an
 * ErrorSummary link `#name` lands on the group; the others are `name-1`, `name-2`...
 */
export function RadioGroup({
  legend,
  name,
  options,
  defaultValue,
  hint,
  error,
  required,
  className,
}: RadioGroupProps) {
  const message = errorText(error);
  const groupDescribedBy =
    [hint && `${name}-hint`, message && `${name}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={cx('mb-6', className)} aria-describedby={groupDescribedBy}>
      <legend className="font-semibold">
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && <Hint id={`${name}-hint`}>{hint}</Hint>}
      {message && <ErrorMessage id={`${name}-error`}>{message}</ErrorMessage>}
      <div className="mt-2 space-y-3">
        {options.map((option, index) => {
          const id = index === 0 ? name : `${name}-${index}`;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={id}
                type="radio"
                name={name}
                value={option.value}
                defaultChecked={defaultValue === option.value}
                disabled={option.disabled}
                required={required}
                aria-describedby={option.hint ? `${id}-hint` : undefined}
                className="mt-0.5 size-6 shrink-0 accent-primary-700"
              />
              <div>
                <label htmlFor={id}>{option.label}</label>
                {option.hint && <Hint id={`${id}-hint`}>{option.hint}</Hint>}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
