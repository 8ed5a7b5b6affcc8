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
 * Bodies from this size on are read in the worker thread. Below it a body holds a title and at most a
 * board file of a few organisations, which reads in well under a millisecond; above it, building and
 * laying out a board can take seconds, which on the event loop would stall every live session.
 */
export const OFF_THREAD_MIN_BYTES = 2 * 1024;

/** What one board file may cost the worker, and how many may wait for it. */
export interface ReaderBudget {
  /** A file still being read after this long is given up (its worker is replaced). */
  timeoutMs: number;
  /** The worker's heap; a file that needs more is given up the same way. */
  maxHeapMb: number;
  /** Files waiting beyond the one being read; more are refused at once (503). */
  maxQueued: number;
}

export const defaultReaderBudget: ReaderBudget = { timeoutMs: 60_000, maxHeapMb: 1024, maxQueued: 8 };

/** A board file cost more time or memory than its budget; nothing was created. */
export class BoardFileTooCostly extends Error {}
/** Too many board files wait already; the client may retry shortly. */
export class ReaderBusy extends Error {}

/** Compiled (`server/dist`), the worker is a sibling module of the bundle; from source, of this file. */
const compiled = import.meta.url.endsWith('.js');
const workerUrl = new URL(
  compiled ? './createRequestWorker.js' : './createRequestWorker.ts',
  import.meta.url,
);

/**
 * The worker's entry point. Run from source, the server's TypeScript goes through tsx, whose
 * loader does not reach worker threads by itself: the worker registers it first.
 */
function bootstrap(): string {
  const entry = JSON.stringify(workerUrl.href);
  if (!workerUrl.pathname.endsWith('.ts')) return `import(${entry})`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then(({ register }) => { register(); return import(${entry}); })`;
}

interface Queued {
  job: CreateRequestJob;
  resolve: (request: CreateRequest) => void;
  reject: (error: Error) => void;
}

/**
 * Reads `POST /api/boards` bodies (`parseCreateRequest`), all but the smallest in one worker thread started
 * on first need, one file at a time. A file that runs over its time or memory budget is given up and the
 * worker replaced, so the files behind it do not wait for it; a full queue is refused at once.
 */
export class CreateRequestReader {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly queue: Queued[] = [];
  private current: Queued | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly budget: ReaderBudget = defaultReaderBudget) {}

  read(body: Uint8Array): Promise<CreateRequest> {
    if (body.byteLength < OFF_THREAD_MIN_BYTES) return Promise.resolve(parseCreateRequest(body));
    if (this.queue.length >= this.budget.maxQueued) {
      return Promise.reject(new ReaderBusy('too many board files are waiting to be read'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ job: { id: this.nextId++, body }, resolve, reject });
      this.next();
    });
  }

  /** Stops the worker; requests still in it or waiting fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    for (const waiting of this.queue.splice(0)) waiting.reject(new Error('the server is stopping'));
    this.finish(new Error('the server is stopping'));
    if (worker) await worker.terminate();
  }

  private next(): void {
    if (this.current !== null) return;
    const queued = this.queue.shift();
    if (queued === undefined) return;
    this.current = queued;
    const { body } = queued.job;
    const owned = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    this.started().postMessage(queued.job, owned ? [body.buffer as ArrayBuffer] : []);
    this.timer = setTimeout(
      () =>
        this.giveUp(new BoardFileTooCostly(`reading the board file took over ${this.budget.timeoutMs} ms`)),
      this.budget.timeoutMs,
    );
  }

  /** Settles the current request and moves on to the next. */
  private finish(outcome: Error | CreateRequest): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const current = this.current;
    this.current = null;
    if (current !== null) {
      if (outcome instanceof Error) current.reject(outcome);
      else current.resolve(outcome);
    }
    if (this.worker !== null || outcome instanceof Error) this.next();
  }

  /** The current file is over budget, or took the worker down: replace the worker and go on with the rest. */
  private giveUp(error: Error): void {
    const worker = this.worker;
    this.worker = null;
    if (worker) void worker.terminate();
    this.finish(error);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(bootstrap(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: this.budget.maxHeapMb },
    });
    // An idle reader must not keep a stopping process alive.
    worker.unref();
    worker.on('message', (reply: CreateRequestReply) => {
      if (this.worker !== worker || reply.id !== this.current?.job.id) return;
      if ('failure' in reply) this.finish(new Error(`reading the board file failed: ${reply.failure}`));
      else this.finish(reply.request);
    });
    const lost = (error: Error): void => {
      if (this.worker !== worker) return;
      const outOfMemory = (error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.giveUp(
        outOfMemory ? new BoardFileTooCostly('reading the board file needed too much memory') : error,
      );
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the board file reader stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
