import { messageYjsSyncStep1 } from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';

type MessageHandler = NonNullable<WebsocketProvider['messageHandlers'][number]>;

/**
 * Holds the board the server sends (sync step 2 and the updates after it) until `release()`
 * is called, then applies what arrived, in order, and lets later messages through as they come.
 * The server's questions (sync step 1) and presence are answered meanwhile.
 *
 * A board link opens its connection before the app's script has loaded (`earlyBoardConnection.ts`),
 * so the board can arrive before the map has mounted. Applied then, the map's first render
 * would already hold every node, before React Flow knows its own size: it would render all of
 * them at zoom 1 (full cards, every edge) and only then fit, far slower on a large board than
 * fitting first (`useFitOnArrival`). Held, the board arrives when the map can fit it first.
 */
export function holdBoard(provider: WebsocketProvider): () => void {
  const handler = provider.messageHandlers[messageSync];
  if (!handler) throw new Error('y-websocket has no sync message handler');
  let held: Array<Parameters<MessageHandler>> | null = [];
  provider.messageHandlers[messageSync] = (encoder, decoder, handlerProvider, emitSynced, messageType) => {
    // The sync message's own type is a one-byte varint right where the decoder stands.
    if (held === null || decoder.arr[decoder.pos] === messageYjsSyncStep1) {
      handler(encoder, decoder, handlerProvider, emitSynced, messageType);
    } else {
      // Untouched: the decoder still stands at the message, and neither kind writes a reply.
      held.push([encoder, decoder, handlerProvider, emitSynced, messageType]);
    }
  };
  return () => {
    if (held === null) return;
    const waiting = held;
    held = null;
    provider.messageHandlers[messageSync] = handler;
    for (const args of waiting) handler(...args);
  };
}
