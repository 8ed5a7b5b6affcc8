import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { applyImportPlan, exportBoardJson } from '@interplay/shared/formats/index';
import type { ImportPlan } from '@interplay/shared/formats/index';

/**
 * The board file (JSON export) of a new board that holds exactly what `plan`
 * adds to an empty board, settings included: what the start page sends to
 * start a board from picked files, whether they were a board file or CSVs.
 */
export function boardFileFromPlan(plan: ImportPlan, title: string): string {
  const doc = new Y.Doc();
  try {
    applyImportPlan(doc, plan, { applySettings: true });
    return exportBoardJson(readBoard(doc), { title });
  } finally {
    doc.destroy();
  }
}
