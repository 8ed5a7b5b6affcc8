import { useId, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * A text field that edits a local draft while focused and commits on blur or
 * Enter (Escape reverts), so typing does not send one update per key and a
 * remote change is shown as soon as the field is left.
 */
export function DraftField({
  label,
  value,
  onCommit,
  multiline = false,
  maxLength,
  hint,
  testId,
}: {
  label: string;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  maxLength: number;
  hint?: string;
  testId?: string;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const shown = focused ? draft : value;
  const common = {
    id,
    value: shown,
    maxLength,
    'data-testid': testId,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    onFocus: () => {
      setDraft(value);
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      if (draft !== value) onCommit(draft);
    },
    onKeyDown: (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (event.key === 'Escape') {
        setDraft(value);
        setFocused(false);
        event.currentTarget.blur();
      } else if (event.key === 'Enter' && !multiline) {
        event.currentTarget.blur();
      }
    },
  };
  return (
    <div className="ip-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea rows={3} {...common} onChange={(e) => setDraft(e.currentTarget.value)} />
      ) : (
        <input type="text" {...common} onChange={(e) => setDraft(e.currentTarget.value)} />
      )}
      {hint && (
        <small id={`${id}-hint`} className="ip-field__hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** "a, b , c" → ["a", "b", "c"] (trimmed, no empties, no duplicates). */
export function parseThemes(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((theme) => theme.trim().slice(0, 100))
        .filter(Boolean),
    ),
  ];
}

/** A labelled select. */
export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onChange(value: V): void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="ip-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(e.currentTarget.value as V)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A panel section with a heading and optional accent colour bar. */
export function PanelSection({
  title,
  colour,
  children,
}: {
  title: string;
  colour?: string;
  children: ReactNode;
}) {
  return (
    <section className="ip-panel__section">
      <h2 className="ip-panel__title" style={colour ? { borderColor: colour } : undefined}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** Today's date in the local calendar, as `YYYY-MM-DD`. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
