import { newBoardState } from '../board/newBoardState.ts';
import { EMPTY_BOARD } from '../board/read.ts';
import { applyImportPlan } from './applyImportPlan.ts';
import { parseBoardJsonValue } from './boardJson.ts';
import type { FormatResult } from './importError.ts';
import { planImport } from './planImport.ts';

/**
 * The first document state of a board started from a file: `board` is an Interplay board file (the JSON
 * export, file schema 1 or 2) sent with the create request. It is validated exactly as an import on the
 * board page is (the page's check proves nothing: anyone can call the API), then applied to a fresh
 * document with its settings, as its facilitator would, at the current schema version. Returns the Yjs
 * update that holds the whole document, or the file's errors.
 */
export function boardStateFromFile(board: unknown): FormatResult<Uint8Array> {
  const parsed = parseBoardJsonValue(board, 'board');
  if (!parsed.ok) return parsed;
  const plan = planImport(EMPTY_BOARD, parsed.value);
  if (plan.errors.length > 0) return { ok: false, errors: plan.errors };
  return { ok: true, value: newBoardState((doc) => applyImportPlan(doc, plan, { applySettings: true })) };
}
