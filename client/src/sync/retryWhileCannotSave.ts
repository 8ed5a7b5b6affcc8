import type { BoardSocket } from './socket/BoardSocket.ts';
import type { ConnectionStore } from './connectionStatus.ts';

/** The server's close code for "your changes could not be saved: my storage is full". */
export const CANNOT_SAVE_CODE = 4507;
/** How long the page waits before sending unsaved changes again. */
export const CANNOT_SAVE_RETRY_MS = 15_000;
/** How long a connection must last, not closed for the same reason, before the changes count as saved. */
export const CANNOT_SAVE_CLEARED_AFTER_MS = 5_000;

/**
 * While the server cannot save (close 4507), every reconnect would send the same changes in vain: the page
 * says so (`cannotSave`), waits about `CANNOT_SAVE_RETRY_MS` before it tries again, and clears the notice once
 * a connection has lasted a while. The changes stay in the document and its local copy meanwhile.
 * Returns a function that stops watching.
 */
export function retryWhileCannotSave(
  socket: BoardSocket,
  connection: ConnectionStore,
  mayRetry: () => boolean,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = (ms: number | null, then: () => void = () => undefined): void => {
    if (timer !== null) clearTimeout(timer);
    timer = ms === null ? null : setTimeout(then, ms);
  };
  const onStatus = (status: string): void => {
    if (status !== 'connected' || !connection.getState().cannotSave) return;
    schedule(CANNOT_SAVE_CLEARED_AFTER_MS, () => connection.setState({ cannotSave: false }));
  };
  const onClose = (code: number): void => {
    if (code !== CANNOT_SAVE_CODE) {
      if (connection.getState().cannotSave) schedule(null);
      return;
    }
    connection.setState({ cannotSave: true });
    socket.disconnect();
    schedule(CANNOT_SAVE_RETRY_MS * (0.75 + Math.random() / 2), () => {
      if (mayRetry()) socket.connect();
    });
  };
  socket.on('status', onStatus);
  socket.on('close', onClose);
  return () => {
    schedule(null);
    socket.off('status', onStatus);
    socket.off('close', onClose);
  };
}
