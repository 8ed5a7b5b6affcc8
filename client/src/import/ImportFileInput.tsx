import type { RefObject } from 'react';

interface ImportFileInputProps {
  readonly inputRef: RefObject<HTMLInputElement | null>;
  readonly onFiles: (files: File[]) => void;
  /** Id of the text that says what may be picked. */
  readonly describedBy: string;
  readonly testId: string;
}

/**
 * The hidden file input behind a "Choose files…" button: board JSON, CSV
 * files and zips, several at once. Cleared after each pick, so picking the
 * same (corrected) file again is seen.
 */
export function ImportFileInput({ inputRef, onFiles, describedBy, testId }: ImportFileInputProps) {
  return (
    <input
      ref={inputRef}
      className="visually-hidden"
      type="file"
      multiple
      accept=".json,.csv,.zip,.txt,application/json,text/csv,application/zip"
      onChange={(event) => {
        onFiles([...(event.target.files ?? [])]);
        event.target.value = '';
      }}
      aria-describedby={describedBy}
      data-testid={testId}
      // The visible button that opens it is the control people and screen readers use.
      aria-hidden="true"
      tabIndex={-1}
    />
  );
}
