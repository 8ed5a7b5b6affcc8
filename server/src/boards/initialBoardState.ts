import * as Y from 'yjs';
import { EMPTY_BOARD } from '@interplay/shared';
import { applyImportPlan, parseBoardJsonValue, planImport } from '@interplay/shared/formats/index';
import type { FormatResult } from '@interplay/shared/formats/index';

/**
 * The first state of a board started from a file: `board` is an Interplay
 * board file (the JSON export, schema 1 or 2) sent with the create request.
 * It is validated exactly as an import on the board page is (the page's
 * check proves nothing: anyone can call the API), then applied to a fresh
 * document with its settings, as its facilitator would. Returns the Yjs
 * update that holds the whole document, or the file's errors.
 */
export function initialBoardState(board: unknown): FormatResult<Uint8Array> {
  const parsed = parseBoardJsonValue(board, 'board');
  if (!parsed.ok) return parsed;
  const plan = planImport(EMPTY_BOARD, parsed.value);
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  const doc = new Y.Doc();
  try {
    applyImportPlan(doc, plan, { applySettings: true });
    return { ok: true, value: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}
