import { readAuthMessage } from 'y-protocols/auth';
import { messageAuth, type WebsocketProvider } from 'y-websocket';

/**
 * Replaces y-websocket's auth handler (which only `console.warn`s) so the
 * page learns when the server refused one of its updates (a lock, a phase or
 * the role forbade it; reason "update refused: <what>"). The caller must then
 * drop its local copy: the refused change is still in it, and a later
 * reconnect would resend its delete set.
 */
export function onPermissionDenied(provider: WebsocketProvider, listener: (reason: string) => void): void {
  provider.messageHandlers[messageAuth] = (_encoder, decoder, handlerProvider) => {
    readAuthMessage(decoder, handlerProvider.doc, (_doc: unknown, reason: string) => listener(reason));
  };
}
