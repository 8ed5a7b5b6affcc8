import { boardStateFromFile } from '@interplay/shared/formats/index';
import type { FormatResult } from '@interplay/shared/formats/index';

/** A `POST /api/boards` body, read: its title as sent, and the first state of its board file if it had one. */
export type CreateRequest =
  | { readonly kind: 'invalid-json' }
  | {
      readonly kind: 'parsed';
      readonly title: unknown;
      /** Null without a board file. */
      readonly board: FormatResult<Uint8Array> | null;
    };

/**
 * Parses a create request's body and, when it carries a board file, validates
 * it and builds the board's first state (`boardStateFromFile`). Pure and
 * synchronous, so it can run in a worker thread (`CreateRequestReader`).
 */
export function parseCreateRequest(body: Uint8Array): CreateRequest {
  const text = new TextDecoder().decode(body);
  let value: unknown = {};
  if (text.trim() !== '') {
    try {
      value = JSON.parse(text);
    } catch {
      return { kind: 'invalid-json' };
    }
  }
  const fields =
    typeof value === 'object' && value !== null ? (value as { title?: unknown; board?: unknown }) : {};
  const title = fields.title;
  // A request refused for its title does not cost a board file's validation.
  const titleUsable = typeof title === 'string' && title.trim() !== '';
  const board = fields.board === undefined || !titleUsable ? null : boardStateFromFile(fields.board);
  return { kind: 'parsed', title, board };
}
