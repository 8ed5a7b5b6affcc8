import { useId, useRef, useState } from 'react';
import { EMPTY_BOARD } from '@interplay/shared';
import { isEmptyImportPlan, summariseImportPlan } from '@interplay/shared/formats/index';
import type { ImportError, ImportPlan } from '@interplay/shared/formats/index';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { ImportErrorList } from './ImportErrorList.tsx';
import { ImportFileInput } from './ImportFileInput.tsx';
import { readAndPrepareImport } from './readAndPrepareImport.ts';
import { useRestartableTask } from './useRestartableTask.ts';
import '../export/dialog/exportImport.css';

/** Files checked and planned into an empty board, ready to become a new board. */
export interface StartingFile {
  readonly plan: ImportPlan;
  /** The board file's own title, else the name of a picked zip or JSON file without its extension. */
  readonly title: string | null;
}

type Step =
  | { readonly kind: 'none' }
  | { readonly kind: 'reading'; readonly files: string }
  | { readonly kind: 'errors'; readonly errors: readonly ImportError[] }
  | { readonly kind: 'ready'; readonly files: string; readonly plan: ImportPlan }
  | { readonly kind: 'failed'; readonly message: string };

const COUNTED: ReadonlyArray<[keyof ReturnType<typeof summariseImportPlan>, MessageKey]> = [
  ['organisations', 'import.kind.organisations'],
  ['people', 'import.kind.people'],
  ['projects', 'import.kind.projects'],
  ['relationships', 'import.kind.relationships'],
  ['comments', 'import.kind.comments'],
];

/** A zip or board file is often named after the network; CSV files are named after what they hold. */
function titleFromFileName(files: readonly File[]): string | null {
  const [only] = files;
  if (files.length !== 1 || !only || !/\.(zip|json)$/i.test(only.name)) return null;
  return only.name.replace(/\.[^.]+$/, '').trim() || null;
}

interface StartFromFileProps {
  readonly disabled: boolean;
  /** The checked file, or null when there is none (not picked, removed, or refused). */
  readonly onChange: (file: StartingFile | null) => void;
}

/**
 * The start page's "Start from a file": pick a board file (JSON) or CSV
 * files / a zip, checked and planned off the page's thread exactly as an
 * import is, with the same precise errors; shows what the new board will hold.
 */
export function StartFromFile({ disabled, onChange }: StartFromFileProps) {
  const t = useT();
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'none' });
  const input = useRef<HTMLInputElement>(null);
  const task = useRestartableTask();

  async function load(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const signal = task.restart();
    const names = files.map((f) => f.name).join(', ');
    onChange(null);
    setStep({ kind: 'reading', files: names });
    try {
      const prepared = await readAndPrepareImport(files, EMPTY_BOARD, signal);
      if (signal.aborted) return;
      if (!prepared.ok) return setStep({ kind: 'errors', errors: prepared.errors });
      if (isEmptyImportPlan(prepared.plan))
        return setStep({ kind: 'failed', message: t('start.fromFile.empty') });
      setStep({ kind: 'ready', files: names, plan: prepared.plan });
      onChange({ plan: prepared.plan, title: prepared.title ?? titleFromFileName(files) });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  function remove(): void {
    task.cancel();
    setStep({ kind: 'none' });
    onChange(null);
  }

  const counts = step.kind === 'ready' ? summariseImportPlan(step.plan) : null;
  return (
    <div className="start-from-file" data-testid="start-from-file">
      <h3 className="start-from-file__heading">{t('start.fromFile.heading')}</h3>
      <p id={`${id}-intro`} className="start-from-file__intro">
        {t('start.fromFile.intro')}
      </p>
      <ImportFileInput
        inputRef={input}
        onFiles={(files) => void load(files)}
        describedBy={`${id}-intro`}
        testId="start-file-input"
      />
      <div className="start-from-file__row">
        <button type="button" className="button" onClick={() => input.current?.click()} disabled={disabled}>
          {step.kind === 'none' ? t('start.fromFile.pick') : t('import.otherFiles')}
        </button>
        {step.kind === 'ready' && (
          <>
            <span className="start-from-file__name">{step.files}</span>
            <button type="button" className="button" onClick={remove} disabled={disabled}>
              {t('start.fromFile.remove')}
            </button>
          </>
        )}
      </div>
      <div role="status" aria-live="polite" data-testid="start-file-status">
        {step.kind === 'reading' && (
          <p className="start-from-file__reading">
            <progress aria-label={t('import.reading', { files: step.files })} />{' '}
            {t('import.reading', { files: step.files })}
          </p>
        )}
        {counts && (
          <p className="start-from-file__summary" data-testid="start-file-summary">
            {t('start.fromFile.holds')}{' '}
            {COUNTED.filter(([kind]) => counts[kind].add > 0)
              .map(([kind, label]) => `${t(label)}: ${counts[kind].add}`)
              .join(' · ')}
          </p>
        )}
      </div>
      {step.kind === 'errors' && (
        <div className="form-error" role="alert" data-testid="start-file-errors">
          <p>{t('start.fromFile.refused')}</p>
          <ImportErrorList errors={step.errors} />
        </div>
      )}
      {step.kind === 'failed' && (
        <p className="form-error" role="alert" data-testid="start-file-errors">
          {step.message}
        </p>
      )}
    </div>
  );
}
