import { useState } from 'react';
import { readBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import type { ImportError, ImportPlan } from '@interplay/shared/formats/index';
import type * as Y from 'yjs';
import { readAndPrepareImport } from './readAndPrepareImport.ts';
import { useRestartableTask } from './useRestartableTask.ts';

/** Where the import dialog is: picking, reading, showing errors or a preview, or failed. */
export type ImportStep =
  | { readonly kind: 'pick' }
  | { readonly kind: 'reading'; readonly files: string }
  | { readonly kind: 'errors'; readonly errors: readonly ImportError[] }
  | { readonly kind: 'preview'; readonly plan: ImportPlan; readonly snapshot: BoardSnapshot }
  | { readonly kind: 'failed'; readonly message: string };

interface ImportSteps {
  readonly step: ImportStep;
  /** Reads and plans the files against the board as it is now; a newer pick replaces a run still reading. */
  readonly load: (files: readonly File[]) => Promise<void>;
  /** Shows an error that stopped the import. */
  readonly fail: (error: unknown) => void;
}

/** The import dialog's steps, from the files picked to the plan to preview. */
export function useImportSteps(doc: Y.Doc): ImportSteps {
  const [step, setStep] = useState<ImportStep>({ kind: 'pick' });
  const task = useRestartableTask();

  function fail(error: unknown): void {
    setStep({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }

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
      fail(error);
    }
  }

  return { step, load, fail };
}
