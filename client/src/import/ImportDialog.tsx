import { useEffect, useId, useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { readBoard } from '@interplay/shared';
import type { BoardRole, BoardSettings, BoardSnapshot } from '@interplay/shared';
import { applyImportPlan, isEmptyImportPlan } from '@interplay/shared/formats/index';
import type { ImportError, ImportPlan } from '@interplay/shared/formats/index';
import type * as Y from 'yjs';
import { useT } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { DialogFrame } from '../export/dialog/DialogFrame.tsx';
import { ImportErrorList } from './ImportErrorList.tsx';
import { ImportFileInput } from './ImportFileInput.tsx';
import { forbiddenKinds } from './importPermission.ts';
import type { ImportedKind } from './importPermission.ts';
import { ImportPreview } from './ImportPreview.tsx';
import { readAndPrepareImport } from './readAndPrepareImport.ts';
import { useRestartableTask } from './useRestartableTask.ts';

type Step =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly files: string }
  | { readonly kind: 'errors'; readonly errors: readonly ImportError[] }
  | { readonly kind: 'preview'; readonly plan: ImportPlan; readonly snapshot: BoardSnapshot }
  | { readonly kind: 'failed'; readonly message: string };

const KIND_WORD: Record<ImportedKind, MessageKey> = {
  score: 'import.kindWord.score',
  organisation: 'import.kind.organisations',
  person: 'import.kind.people',
  project: 'import.kind.projects',
  relationship: 'import.kind.relationships',
};

interface ImportDialogProps {
  readonly doc: Y.Doc;
  readonly role: BoardRole;
  readonly settings: BoardSettings;
  /** Called after the import is applied (one undo step), e.g. to fit the view. */
  readonly onApplied: () => void;
  readonly onClose: () => void;
  /** Called before applying, so the import is an undo step of its own. */
  readonly beforeApply?: () => void;
}

/**
 * Pick (or drop) a board JSON file or CSV files/zip, see precise errors or a
 * preview of what will be added and updated, then apply it as one undoable
 * transaction that everyone on the board receives.
 */
export function ImportDialog({ doc, role, settings, onApplied, onClose, beforeApply }: ImportDialogProps) {
  const t = useT();
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'pick' });
  const [dragging, setDragging] = useState(false);
  const task = useRestartableTask();
  const input = useRef<HTMLInputElement>(null);
  const applyButton = useRef<HTMLButtonElement>(null);

  async function load(files: readonly File[]): Promise<void> {
    if (files.length === 0) return;
    const signal = task.restart();
    setStep({ kind: 'reading', files: files.map((f) => f.name).join(', ') });
    try {
      const snapshot = readBoard(doc);
      const prepared = await readAndPrepareImport(files, snapshot, signal);
      if (signal.aborted) return;
      setStep(
        prepared.ok
          ? { kind: 'preview', plan: prepared.plan, snapshot }
          : { kind: 'errors', errors: prepared.errors },
      );
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }

  const forbidden = step.kind === 'preview' ? forbiddenKinds(step.plan, role, settings) : [];
  const canApply = step.kind === 'preview' && !isEmptyImportPlan(step.plan) && forbidden.length === 0;
  // Once the preview is there, Import is the next thing to press.
  useEffect(() => {
    if (canApply) applyButton.current?.focus();
  }, [canApply]);

  function apply(): void {
    if (step.kind !== 'preview' || !canApply) return;
    try {
      beforeApply?.();
      applyImportPlan(doc, step.plan);
    } catch (error) {
      setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    onApplied();
    onClose();
  }

  const onDrop = (event: DragEvent<HTMLElement>): void => {
    event.preventDefault();
    setDragging(false);
    void load([...event.dataTransfer.files]);
  };

  return (
    <DialogFrame title={t('import.heading')} onClose={onClose} onConfirm={apply} testId="import-dialog">
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
          onFiles={(files) => void load(files)}
          describedBy={`${id}-intro`}
          testId="import-file-input"
        />
        <button
          type="button"
          className="button"
          onClick={() => input.current?.click()}
          data-autofocus={step.kind === 'pick' || undefined}
        >
          {step.kind === 'pick' ? t('import.pick') : t('import.otherFiles')}
        </button>{' '}
        <span className="ip-import__drop-hint">{t('import.drop')}</span>
      </div>
      <div role="status" aria-live="polite" className="ip-xdialog__status" data-testid="import-status">
        {step.kind === 'reading' && (
          <>
            <progress aria-label={t('import.reading', { files: step.files })} />
            <span>{t('import.reading', { files: step.files })}</span>
          </>
        )}
      </div>
      {step.kind === 'errors' && (
        <div className="ip-xdialog__error" role="alert" data-testid="import-errors">
          <h3 className="ip-import__subheading">{t('import.errorsHeading')}</h3>
          <ImportErrorList errors={step.errors} />
        </div>
      )}
      {step.kind === 'failed' && (
        <p className="ip-xdialog__error" role="alert" data-testid="import-errors">
          {t('import.applyFailed', { message: step.message })}
        </p>
      )}
      {step.kind === 'preview' && (
        <>
          <ImportPreview plan={step.plan} snapshot={step.snapshot} />
          {isEmptyImportPlan(step.plan) && <p role="status">{t('import.nothing')}</p>}
          {forbidden.length > 0 && (
            <p className="ip-xdialog__error" role="alert">
              {t('import.notAllowed', {
                kinds: forbidden.map((k) => t(KIND_WORD[k]).toLowerCase()).join(', '),
              })}
            </p>
          )}
        </>
      )}
      <div className="modal__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('import.cancel')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={apply}
          disabled={!canApply}
          data-testid="import-apply"
          ref={applyButton}
        >
          {t('import.apply')}
        </button>
      </div>
    </DialogFrame>
  );
}
