import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the worker folds the write-ahead log back into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The worker's whole program, as a CommonJS script: it needs nothing of ours, only the SQLite driver, so it
 * runs the same from source and from the bundled server without a file of its own.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error) });
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Runs SQLite's WAL checkpoints on a connection of its own in a worker thread. SQLite otherwise checkpoints
 * inside the commit that crosses 1,000 pages of log, on the event loop: copying the pages and syncing the
 * database file stalls every board for a millisecond or more, which showed as the tail of bench:sync. The
 * main connection's automatic checkpoints are turned off while this runs and turned back on if it fails.
 */
export class WalCheckpointer {
  private readonly worker: Worker;
  private stopped = false;

  constructor(file: string, onFailed: (reason: string) => void) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
    this.worker.unref();
    const fail = (reason: string): void => {
      if (this.stopped) return;
      this.stopped = true;
      void this.worker.terminate();
      onFailed(reason);
    };
    this.worker.on('message', (message: { failed: string }) => fail(message.failed));
    this.worker.on('error', (error) => fail(String(error)));
    this.worker.on('exit', (code) => fail(`the checkpoint worker stopped (exit code ${code})`));
  }

  /** Closes the worker's connection, so the main connection is the last and removes the log when it closes. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('stop');
    await exited;
  }
}
