import { useEffect, useRef } from 'react';
import type { BoardRole, BoardSettings } from '@interplay/shared';
import { applyImportPlan, isEmptyImportPlan } from '@interplay/shared/formats/index';
import type * as Y from 'yjs';
import { useT } from '../i18n/index.ts';
import { DialogFrame } from '../export/dialog/DialogFrame.tsx';
import { ImportDropZone } from './ImportDropZone.tsx';
import { forbiddenKinds } from './importPermission.ts';
import { ImportStepView } from './ImportStepView.tsx';
import { useImportSteps } from './useImportSteps.ts';

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
  const { step, load, fail } = useImportSteps(doc);
  const applyButton = useRef<HTMLButtonElement>(null);

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
      fail(error);
      return;
    }
    onApplied();
    onClose();
  }

  return (
    <DialogFrame title={t('import.heading')} onClose={onClose} onConfirm={apply} testId="import-dialog">
      <ImportDropZone first={step.kind === 'pick'} onFiles={(files) => void load(files)} />
      <ImportStepView step={step} forbidden={forbidden} />
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
