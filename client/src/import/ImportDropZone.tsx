import { useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { useT } from '../i18n/index.ts';
import { ImportFileInput } from './ImportFileInput.tsx';

interface ImportDropZoneProps {
  /** Whether no files have been picked yet (the button then says "Choose files" and takes focus). */
  readonly first: boolean;
  readonly onFiles: (files: File[]) => void;
}

/** The area files are dropped on, with the button that opens the file picker. */
export function ImportDropZone({ first, onFiles }: ImportDropZoneProps) {
  const t = useT();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className="ip-import__drop"
      data-dragging={dragging || undefined}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <p id={`${id}-intro`}>{t('import.intro')}</p>
      <ImportFileInput
        inputRef={input}
        onFiles={onFiles}
        describedBy={`${id}-intro`}
        testId="import-file-input"
      />
      <button
        type="button"
        className="button"
        onClick={() => input.current?.click()}
        data-autofocus={first || undefined}
      >
        {first ? t('import.pick') : t('import.otherFiles')}
      </button>{' '}
      <span className="ip-import__drop-hint">{t('import.drop')}</span>
    </div>
  );
}
