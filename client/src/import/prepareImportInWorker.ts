import type { BoardSnapshot } from '@interplay/shared';
import type { ImportFile } from '@interplay/shared/formats/index';
import { prepareImport } from './prepareImport.ts';
import type { PreparedImport } from './prepareImport.ts';
import type { ImportWorkerReply, ImportWorkerRequest } from './importWorkerProtocol.ts';

/**
 * `prepareImport` in a Web Worker, so a big file never freezes the page; the
 * file bytes are transferred, not copied. Where workers are unavailable it
 * runs on the calling thread. Aborting terminates the worker.
 */
export function prepareImportInWorker(
  files: readonly ImportFile[],
  snapshot: BoardSnapshot,
  signal: AbortSignal,
): Promise<PreparedImport> {
  if (typeof Worker === 'undefined') return Promise.resolve(prepareImport(files, snapshot));
  return new Promise<PreparedImport>((resolve, reject) => {
    const worker = new Worker(new URL('./importWorker.ts', import.meta.url), { type: 'module' });
    const finish = (): void => {
      worker.terminate();
      signal.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new DOMException('The import was cancelled.', 'AbortError'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<ImportWorkerReply>) => {
      finish();
      if (event.data.ok) resolve(event.data.result);
      else reject(new Error(event.data.message));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`the import worker failed: ${event.message || 'could not start'}`));
    });
    const request: ImportWorkerRequest = { files, snapshot };
    worker.postMessage(
      request,
      files.map((file) => file.bytes.buffer as ArrayBuffer),
    );
  });
}
