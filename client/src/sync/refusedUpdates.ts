import { readAuthMessage } from 'y-protocols/auth';
import { messageAuth, type WebsocketProvider } from 'y-websocket';

/**
 * Replaces y-websocket's auth handler (which only `console.warn`s) so the
 * page learns when the server did not apply part of one of its updates (a
 * lock, a phase or the role forbade it; the reason is a notice that
 * `parseRefusal` reads). The server applies the rest and reverts the forbidden
 * part as its own edit, which reaches this page like any other update, so the
 * local copy stays as it is (a view key's refused update is the exception, see
 * `useBoardSession`).
 */
export function onPermissionDenied(provider: WebsocketProvider, listener: (reason: string) => void): void {
  provider.messageHandlers[messageAuth] = (_encoder, decoder, handlerProvider) => {
    readAuthMessage(decoder, handlerProvider.doc, (_doc: unknown, reason: string) => listener(reason));
  };
}
