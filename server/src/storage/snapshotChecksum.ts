import { createHash } from 'node:crypto';

/** SHA-256 (hex) of a stored snapshot, kept beside it so that damage on disk is found before it is loaded. */
export function snapshotChecksum(state: Uint8Array): string {
  return createHash('sha256').update(state).digest('hex');
}

/**
 * Stored data that fails its check (a snapshot whose checksum differs, a database file that is not one).
 * The board is not loaded and nothing is written over it: loading it as whatever Yjs could read would
 * make the next compaction store that loss for good.
 */
export class CorruptStorageError extends Error {
  override readonly name = 'CorruptStorageError';
}

/** Throws `CorruptStorageError` when `state` is not the snapshot `checksum` was taken of (null: none recorded). */
export function verifySnapshot(boardId: string, state: Uint8Array, checksum: string | null): void {
  if (checksum === null || snapshotChecksum(state) === checksum) return;
  throw new CorruptStorageError(
    `the stored snapshot of board ${boardId} fails its checksum: it is damaged and is left as it is`,
  );
}
