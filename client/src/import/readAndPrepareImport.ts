import type { BoardSnapshot } from '@interplay/shared';
import type { PreparedImport } from './prepareImport.ts';
import { prepareImportInWorker } from './prepareImportInWorker.ts';
import { readPickedFiles } from './readPickedFiles.ts';

/**
 * Picked files → a plan against `current`, or the files' errors: sizes are
 * checked before reading, then parsing and planning run in the import worker.
 * Rejects with an AbortError when `signal` aborts.
 */
export async function readAndPrepareImport(
  files: readonly File[],
  current: BoardSnapshot,
  signal: AbortSignal,
): Promise<PreparedImport> {
  const read = await readPickedFiles(files);
  signal.throwIfAborted();
  if (!read.ok) return read;
  return prepareImportInWorker(read.value, current, signal);
}
