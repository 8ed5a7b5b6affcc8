import { Worker } from 'node:worker_threads';
import type { CreateRequest } from './parseCreateRequest.ts';
import { parseCreateRequest } from './parseCreateRequest.ts';

export interface CreateRequestJob {
  readonly id: number;
  readonly body: Uint8Array;
}
export type CreateRequestReply =
  | { readonly id: number; readonly request: CreateRequest }
  | { readonly id: number; readonly failure: string };

/**
 * Bodies from this size on are read in the worker thread: building a board
 * from a file takes about a quarter of a second per megabyte, which on the
 * event loop would stall every live session on the server (a 10 MB file: 2.5 s).
 * A body that only names a title is read at once.
 */
export const OFF_THREAD_MIN_BYTES = 64 * 1024;

const workerUrl = new URL('./createRequestWorker.ts', import.meta.url);

/**
 * The worker's entry point. The server runs its TypeScript through tsx, whose
 * loader does not reach worker threads by itself: the worker registers it first.
 */
function bootstrap(): string {
  const entry = JSON.stringify(workerUrl.href);
  if (!workerUrl.pathname.endsWith('.ts')) return `import(${entry})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`;
}

/**
 * Reads `POST /api/boards` bodies (`parseCreateRequest`), large ones in one
 * worker thread started on first need. Requests queue there one after the
 * other; a worker that fails fails its requests and is replaced on the next.
 */
export class CreateRequestReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (request: CreateRequest) => void; reject: (error: Error) => void }
  >();

  read(body: Uint8Array): Promise<CreateRequest> {
    if (body.byteLength < OFF_THREAD_MIN_BYTES) return Promise.resolve(parseCreateRequest(body));
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
      worker.postMessage({ id, body } satisfies CreateRequestJob, owned ? [body.buffer as ArrayBuffer] : []);
    });
  }

  /** Stops the worker; requests still in it fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll(new Error('the server is stopping'));
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootstrap(), { eval: true });
    // An idle reader must not keep a stopping process alive.
    worker.unref();
    worker.on('message', (reply: CreateRequestReply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('failure' in reply) waiting.reject(new Error(`reading the board file failed: ${reply.failure}`));
      else waiting.resolve(reply.request);
    });
    const lost = (error: Error): void => {
      if (this.worker === worker) this.worker = null;
      this.failAll(error);
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the board file reader stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
