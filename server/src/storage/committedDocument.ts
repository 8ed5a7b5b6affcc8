import * as Y from 'yjs';
import type { Storage } from './Storage.ts';

/**
 * A board's document as committed to storage, as one Yjs update: what `GET /api/boards/:id/document`
 * sends so a page can draw the board while its websocket is still being opened (the websocket then only
 * exchanges what changed since). Read from storage, never from a loaded room, so it holds nothing that is
 * not committed. A compacted board is its snapshot as stored, with no Yjs work on this thread.
 */
export async function committedDocument(storage: Storage, boardId: string): Promise<Uint8Array> {
  const stored = await storage.loadDocument(boardId);
  const parts = stored.snapshot === null ? stored.updates : [stored.snapshot, ...stored.updates];
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return only;
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
}
