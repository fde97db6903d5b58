/**
 * The field "Uw naam" as the join dialog and the name question show it: the name colleagues
 * see, checked as the preferences check it, with its message beside the field.
 */
import { useId } from 'react';
import { MAX_USER_NAME_LENGTH, describePreferenceProblem } from '../../shared/api/preferences.ts';

/** What is wrong with `name` as the user's name, in Dutch, or null. */
export function checkName(name: string): string | null {
  return describePreferenceProblem('userName', name.trim());
}

export function NameField({
  value,
  error,
  hint,
  placeholder,
  autoFocus = false,
  onChange,
}: {
  value: string;
  error: string | null;
  hint?: string;
  placeholder?: string;
  autoFocus?: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        Uw naam
      </label>
      <input
        id={id}
        className="text-input"
        value={value}
        maxLength={MAX_USER_NAME_LENGTH}
        placeholder={placeholder}
        autoFocus={autoFocus}
        autoComplete="name"
        aria-invalid={error ? true : undefined}
        aria-describedby={described.join(' ') || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <span className="field-error" id={`${id}-error`}>
        {error ?? ''}
      </span>
      {hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
    </div>
  );
}
