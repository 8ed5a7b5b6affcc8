import type * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider, messageSync } from 'y-websocket';
import { WebSocket } from 'ws';

/** A y-websocket provider that never opens a socket: its message handlers are driven by hand (`deliver`). */
export function offlineProvider(doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider('ws://127.0.0.1:9', 'board', doc, {
    connect: false,
    disableBc: true,
    // Node 20 has no global WebSocket; with `connect: false` none is ever made.
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}

/** Feeds one sync message (as y-websocket reads it: after the outer message type); returns the reply. */
export function deliver(provider: WebsocketProvider, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const message = encoding.createEncoder();
  write(message);
  const reply = encoding.createEncoder();
  provider.messageHandlers[messageSync]?.(
    reply,
    decoding.createDecoder(encoding.toUint8Array(message)),
    provider,
    true,
    messageSync,
  );
  return encoding.toUint8Array(reply);
}
