import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../../i18n/index.ts';
import { keepTabInside } from '../common/keepTabInside.ts';
import { cleanName } from '../identity/userIdentity.ts';

interface NamePromptProps {
  boardTitle: string;
  initialName: string;
  colour: string;
  onSubmit: (name: string) => void;
  /** Absent on the first visit: a name is needed before joining. */
  onCancel?: () => void;
}

/** A modal that asks for the display name shown to the others. */
export function NamePrompt({ boardTitle, initialName, colour, onSubmit, onCancel }: NamePromptProps) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [error, setError] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Focus moves in, and back to where it was when the prompt closes (renaming oneself from the list).
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    inputRef.current?.focus();
    return () => previous?.focus();
  }, []);

  function submit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const cleaned = cleanName(name);
    if (cleaned === '') setError(true);
    else onSubmit(cleaned);
  }

  return (
    <div className="modal-backdrop">
      <div
        ref={dialogRef}
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        onKeyDown={(event) => {
          keepTabInside(event, dialogRef.current);
          if (event.key === 'Escape' && onCancel) onCancel();
        }}
      >
        <h2 id={`${id}-title`}>{t('name.heading', { title: boardTitle })}</h2>
        <p id={`${id}-intro`}>{t('name.intro')}</p>
        <form onSubmit={submit} noValidate>
          <label htmlFor={`${id}-name`}>{t('name.label')}</label>
          <div className="name-field">
            <span className="name-field__dot" style={{ background: colour }} aria-hidden="true" />
            <input
              ref={inputRef}
              id={`${id}-name`}
              type="text"
              autoComplete="name"
              maxLength={60}
              placeholder={t('name.placeholder')}
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                setError(false);
              }}
              aria-invalid={error}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
          {error && (
            <p id={`${id}-error`} className="form-error" role="alert">
              {t('name.required')}
            </p>
          )}
          <div className="modal__actions">
            {onCancel && (
              <button type="button" className="button" onClick={onCancel}>
                {t('name.cancel')}
              </button>
            )}
            <button type="submit" className="button button--primary">
              {t('name.submit')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
