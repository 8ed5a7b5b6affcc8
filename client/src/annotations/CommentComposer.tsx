import { useId, useState } from 'react';
import { MAX_MESSAGE_LENGTH } from '@interplay/shared';

/**
 * A text box with a send button for a new thread or a reply. Ctrl/Cmd+Enter
 * sends too; empty text is not sent. Keys typed here never reach the map's shortcuts.
 */
export function CommentComposer({
  label,
  placeholder,
  button,
  onSend,
  testId,
  autoFocus = false,
}: {
  label: string;
  placeholder?: string;
  button: string;
  onSend(text: string): void;
  testId: string;
  autoFocus?: boolean;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const send = (): void => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    onSend(trimmed);
    setText('');
  };
  return (
    <div className="ip-ann-composer">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder={placeholder ?? label}
        maxLength={MAX_MESSAGE_LENGTH}
        data-testid={`${testId}-text`}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            send();
          }
        }}
      />
      <button
        type="button"
        className="ip-button ip-ann-composer__send"
        disabled={text.trim() === ''}
        data-testid={`${testId}-send`}
        onClick={send}
      >
        {button}
      </button>
    </div>
  );
}
