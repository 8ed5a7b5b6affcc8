import { loadExportFonts } from '../loadExportFonts.ts';
import type { PngWorkerMessage, PngWorkerReply } from './pngWorkerProtocol.ts';

/** The workers of one PNG export: the main one, and a helper when there is a second core. */
export interface PngWorkers {
  readonly main: Worker;
  readonly helper: Worker | null;
}

interface WarmWorkers extends PngWorkers {
  /** Set when a worker failed to start: such workers are not handed out (their error event is gone). */
  failed: boolean;
  readonly ready: Promise<void>;
}

let warm: WarmWorkers | null = null;

/** Whether a second worker can paint half of a large PNG. */
function canShare(): boolean {
  return (navigator.hardwareConcurrency || 1) >= 2 && typeof MessageChannel !== 'undefined';
}

/**
 * WARNING: Vite bundles a worker only from a literal `new Worker(new URL('./x.ts', import.meta.url), …)`;
 * this is the one place the PNG worker is started.
 */
function startWorker(): Worker {
  return new Worker(new URL('./pngWorker.ts', import.meta.url), { type: 'module' });
}

/** Sends the export fonts to an idle worker to register; resolves when it has. */
function registerFonts(worker: Worker, fonts: PngWorkerMessage & { role: 'fonts' }): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent<PngWorkerReply>): void => {
      if (event.data.type !== 'fontsReady') return;
      worker.removeEventListener('message', onMessage);
      resolve();
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage(fonts);
  });
}

/**
 * Starts the PNG workers ahead of an export (the export dialog calls this
 * when it opens) and has them register the export fonts, so clicking Export
 * does not wait for worker start-up and font decoding. Idempotent; resolves
 * when they are ready (never rejects: an export started anyway reports any failure).
 */
export function prewarmPngWorkers(): Promise<void> {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return Promise.resolve();
  if (warm && !warm.failed) return warm.ready;
  releasePngWorkers();
  const main = startWorker();
  const helper = canShare() ? startWorker() : null;
  const workers = [main, ...(helper ? [helper] : [])];
  const ready = loadExportFonts()
    .then((fonts) => Promise.all(workers.map((w) => registerFonts(w, { role: 'fonts', fonts }))))
    .then(
      () => undefined,
      () => undefined,
    );
  const entry: WarmWorkers = { main, helper, failed: false, ready };
  for (const worker of workers) {
    worker.addEventListener('error', () => {
      entry.failed = true;
    });
  }
  warm = entry;
  return ready;
}

/** Stops workers started ahead that no export took (the dialog closed). */
export function releasePngWorkers(): void {
  warm?.main.terminate();
  warm?.helper?.terminate();
  warm = null;
}

/** The workers for one export: those started ahead if any (each serves one export), else new ones. */
export function takePngWorkers(): PngWorkers {
  const ready = warm && !warm.failed ? warm : null;
  if (ready) {
    warm = null;
    return { main: ready.main, helper: ready.helper };
  }
  releasePngWorkers();
  return { main: startWorker(), helper: canShare() ? startWorker() : null };
}
