/**
 * The y-websocket wire format, written and read with y-protocols: one varint message type, then the
 * payload. Kept apart from the socket so it can be read without one.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

export const messageSync = 0;
export const messageAwareness = 1;
export const messageAuth = 2;
export const messageQueryAwareness = 3;

/** y-protocols/auth's only sub-message. */
const permissionDenied = 0;

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const syncStep1Message = (doc: Y.Doc): Uint8Array =>
  message(messageSync, (encoder) => syncProtocol.writeSyncStep1(encoder, doc));

/** A sync step 2 carrying `update` (one piece of the answer, see `splitUpdate`). */
export const syncStep2UpdateMessage = (update: Uint8Array): Uint8Array =>
  message(messageSync, (encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, update);
  });

export const updateMessage = (update: Uint8Array): Uint8Array =>
  message(messageSync, (encoder) => syncProtocol.writeUpdate(encoder, update));

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  message(messageAwareness, (encoder) =>
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients)),
  );

/** What the server sent, decoded as far as the socket needs to act on it. */
export type ServerMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'refused'; reason: string };

/** Decodes one message; throws on anything that is not the protocol. */
export function readServerMessage(bytes: Uint8Array): ServerMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case messageSync: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'syncStep1', stateVector: payload };
      if (step === syncProtocol.messageYjsSyncStep2) return { kind: 'syncStep2', update: payload };
      if (step === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload };
      throw new Error(`unknown sync message ${step}`);
    }
    case messageAwareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case messageQueryAwareness:
      return { kind: 'queryAwareness' };
    case messageAuth: {
      if (decoding.readVarUint(decoder) !== permissionDenied) throw new Error('unknown auth message');
      return { kind: 'refused', reason: decoding.readVarString(decoder) };
    }
    default:
      throw new Error(`unknown message type ${type}`);
  }
}
