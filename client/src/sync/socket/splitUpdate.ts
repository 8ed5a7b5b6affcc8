import * as Y from 'yjs';
import { encodeUpdate, structSize } from '@interplay/shared/sync/encodeUpdate';
import type { DeleteRange, Struct } from '@interplay/shared/sync/encodeUpdate';

/**
 * The largest piece the page sends in one message: well under the server's default frame limit (4 MiB),
 * so a large import reaches it in pieces instead of being closed with 1009 on every reconnect.
 */
export const MAX_PIECE_BYTES = 1024 * 1024;

/** At most what a piece's counts take, and what each client's run adds (count, client id, first clock). */
const PIECE_HEADER_BYTES = 10;
const CLIENT_HEADER_BYTES = 20;

type DeleteSet = ReturnType<typeof Y.decodeUpdate>['ds'];

/** The delete set's ranges in pieces of at most `perPiece` ranges, clients kept whole where they fit. */
function deletePieces(ds: DeleteSet, perPiece: number) {
  const pieces: Array<Array<[number, DeleteRange[]]>> = [[]];
  let count = 0;
  for (const [client, ranges] of ds.clients) {
    for (let start = 0; start < ranges.length; start += perPiece) {
      const part = ranges.slice(start, start + perPiece).map(({ clock, len }) => ({ clock, len }));
      if (count + part.length > perPiece && count > 0) {
        pieces.push([]);
        count = 0;
      }
      pieces[pieces.length - 1]?.push([client, part]);
      count += part.length;
    }
  }
  return pieces;
}

/**
 * Splits a Yjs update (V1) into updates of at most about `maxBytes` each that, applied in order, give the
 * same document: structs in their order (each client's in clock order, so what one piece builds on came in
 * an earlier one), the deletes last. One struct larger than `maxBytes` stays one piece of its own.
 * An update that fits is returned as it is.
 */
export function splitUpdate(update: Uint8Array, maxBytes: number = MAX_PIECE_BYTES): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update];
  const { structs, ds } = Y.decodeUpdate(update);
  const pieces: Uint8Array[] = [];
  let current: Struct[] = [];
  let clients = new Set<number>();
  let size = PIECE_HEADER_BYTES;
  const headerOf = (struct: Struct): number => (clients.has(struct.id.client) ? 0 : CLIENT_HEADER_BYTES);
  for (const struct of structs) {
    const bytes = structSize(struct);
    if (size + bytes + headerOf(struct) > maxBytes && current.length > 0) {
      pieces.push(encodeUpdate(current, new Map()));
      current = [];
      clients = new Set();
      size = PIECE_HEADER_BYTES;
    }
    size += bytes + headerOf(struct);
    current.push(struct);
    clients.add(struct.id.client);
  }
  if (current.length > 0) pieces.push(encodeUpdate(current, new Map()));
  // A delete range takes a few bytes; a tenth of the budget per range leaves room to spare.
  for (const deletes of deletePieces(ds, Math.max(1, Math.floor(maxBytes / 10)))) {
    if (deletes.length > 0) pieces.push(encodeUpdate([], new Map(deletes)));
  }
  return pieces;
}
