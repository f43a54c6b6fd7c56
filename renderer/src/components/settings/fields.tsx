import { useState, type ReactNode } from 'react';
import { parseNumber } from './validation.ts';

/** The error beside a field; read out when it appears, and named by the field's aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="settings-field__error" role="alert">
      {message}
    </p>
  );
}

export interface NumberFieldProps {
  id: string;
  label: string;
  unit?: string;
  value: number;
  min: number;
  max: number;
  /** The problem with a value the lecturer typed, in words, or null when it can be saved. */
  check(value: number | null): string | null;
  /** Called on Enter or on leaving the field, with a value `check` accepted and that differs from `value`. */
  commit(value: number): void;
  /** What the main process said when it refused the last save. */
  saveError?: string;
}

/** A number the lecturer types: checked as they type, saved when they press Enter or move on. */
export function NumberField(props: NumberFieldProps) {
  const { id, label, unit, value, min, max, check, commit, saveError } = props;
  const [draft, setDraft] = useState(String(value));
  // A save, or a change from elsewhere (another window, the settings file), replaces what is typed.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(String(value));
  }
  const parsed = parseNumber(draft);
  const problem = check(parsed);
  const error = problem ?? saveError ?? null;
  const errorId = `${id}-error`;
  const save = () => {
    if (problem === null && parsed !== null && parsed !== value) commit(parsed);
  };
  return (
    <div className="settings-field">
      <label htmlFor={id}>{label}</label>
      <div className="settings-field__control">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={draft}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? errorId : undefined}
          onChange={(event) => setDraft(event.currentTarget.value)}
          onBlur={save}
          onKeyDown={(event) => {
            if (event.key === 'Enter') save();
          }}
        />
        {unit && <span className="settings-field__unit">{unit}</span>}
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

export interface ChoiceGroupProps<T extends string> {
  name: string;
  legend: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange(value: T): void;
  disabled?: boolean;
  description?: ReactNode;
  error?: string;
}

/** Native radio buttons: Tab reaches the group, arrow keys choose within it, as screen-reader users expect. */
export function ChoiceGroup<T extends string>(props: ChoiceGroupProps<T>) {
  const { name, legend, choices, value, onChange, disabled, description, error } = props;
  const descriptionId = `${name}-description`;
  const errorId = `${name}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <fieldset className="settings-choices" disabled={disabled} aria-describedby={describedBy || undefined}>
      <legend>{legend}</legend>
      {description && (
        <p id={descriptionId} className="settings-field__hint">
          {description}
        </p>
      )}
      <div className="settings-choices__options">
        {choices.map((choice) => (
          <label key={choice.value} className="settings-choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            <span>
              {choice.label}
              {choice.hint && <span className="settings-choice__hint"> — {choice.hint}</span>}
            </span>
          </label>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

export function CheckboxField(props: {
  id: string;
  label: string;
  hint?: string;
  checked: boolean;
  onChange(checked: boolean): void;
  error?: string;
}) {
  const { id, label, hint, checked, onChange, error } = props;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ');
  return (
    <div className="settings-field settings-field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="settings-field__hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
