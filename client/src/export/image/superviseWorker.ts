/** The error an aborted export rejects with (`name === 'AbortError'`, as fetch does). */
export function abortError(): DOMException {
  return new DOMException('The export was cancelled.', 'AbortError');
}

/**
 * Runs one request on a freshly started worker and settles with its answer.
 * Aborting terminates the worker at once; so does the answer, an error, or a failed start.
 * `transfer` lists objects the request moves to the worker (e.g. a `MessagePort`).
 * `onMessage` returns the final value, or `undefined` for an interim message (e.g. progress).
 *
 * WARNING: the caller constructs the worker, because Vite bundles a worker only from a literal
 * `new Worker(new URL('./x.ts', import.meta.url), …)` at the call site.
 */
export function superviseWorker<Reply, Result>(
  worker: Worker,
  request: unknown,
  label: string,
  onMessage: (reply: Reply) => { ok: true; value: Result } | { ok: false; message: string } | undefined,
  signal?: AbortSignal,
  transfer: Transferable[] = [],
): Promise<Result> {
  return new Promise<Result>((resolve, reject) => {
    const finish = (): void => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.addEventListener('message', (event: MessageEvent<Reply>) => {
      const outcome = onMessage(event.data);
      if (outcome === undefined) return;
      finish();
      if (outcome.ok) resolve(outcome.value);
      else reject(new Error(`${label} failed: ${outcome.message}`));
    });
    worker.addEventListener('error', (event) => {
      finish();
      reject(new Error(`the ${label} worker failed: ${event.message || 'could not start'}`));
    });
    worker.postMessage(request, transfer);
  });
}
