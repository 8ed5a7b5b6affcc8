import { useId, useState, type FormEvent } from 'react';
import { useT, type Translate } from '../../i18n/index.ts';
import { createBoard, type ApiFailure, type CreatedBoard } from '../api/boardApi.ts';
import { StartFromFile, type StartingFile } from '../../import/StartFromFile.tsx';
import { boardFileFromPlan } from '../../sync/boardFileFromPlan.ts';

interface NewBoardFormProps {
  onCreated: (board: CreatedBoard) => void;
}

function explain(t: Translate, failure: ApiFailure): string {
  if (failure.kind === 'network') return t('start.newBoard.network');
  return t('start.newBoard.failed', { reason: failure.message });
}

/** The "New board" card: a title field and a create button, optionally a file to start from; errors shown under the field. */
export function NewBoardForm({ onCreated }: NewBoardFormProps) {
  const t = useT();
  const titleId = useId();
  const errorId = useId();
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [file, setFile] = useState<StartingFile | null>(null);

  function chooseFile(picked: StartingFile | null): void {
    setFile(picked);
    // The file's own title is the best guess, unless the user already typed one.
    if (picked?.title && title.trim() === '') setTitle(picked.title);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') {
      setError(t('start.newBoard.titleRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await createBoard(
      trimmed,
      file === null ? undefined : boardFileFromPlan(file.plan, trimmed),
    );
    setBusy(false);
    if (result.ok) onCreated(result.value);
    else setError(explain(t, result.failure));
  }

  return (
    <section className="card" aria-labelledby={`${titleId}-heading`}>
      <h2 id={`${titleId}-heading`}>{t('start.newBoard.heading')}</h2>
      <form className="new-board" onSubmit={(event) => void submit(event)} noValidate>
        <label htmlFor={titleId}>{t('start.newBoard.titleLabel')}</label>
        <div className="new-board__row">
          <input
            id={titleId}
            name="title"
            type="text"
            autoComplete="off"
            maxLength={200}
            placeholder={t('start.newBoard.titlePlaceholder')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={error !== null}
            aria-describedby={error === null ? undefined : errorId}
            disabled={busy}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy
              ? t('start.newBoard.creating')
              : file === null
                ? t('start.newBoard.create')
                : t('start.fromFile.create')}
          </button>
        </div>
        {error !== null && (
          <p id={errorId} className="form-error" role="alert">
            {error}
          </p>
        )}
        <StartFromFile disabled={busy} onChange={chooseFile} />
      </form>
    </section>
  );
}
