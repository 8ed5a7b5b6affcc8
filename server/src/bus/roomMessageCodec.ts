import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { isBoardRole } from '@interplay/shared';
import type { ClientClaim } from '../storage/Storage.ts';
import type { BoardNotice, PresenceSpeaker, RoomMessage } from './RoomBus.ts';

/** Wire tags of the message kinds; numbers, never reused. */
const tags = { update: 0, awareness: 1, 'awareness-query': 2 } as const;

function writePairs(encoder: encoding.Encoder, pairs: readonly (readonly [number, string])[]): void {
  encoding.writeVarUint(encoder, pairs.length);
  for (const [client, text] of pairs) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarString(encoder, text);
  }
}

function readPairs(decoder: decoding.Decoder): [number, string][] {
  const count = decoding.readVarUint(decoder);
  const pairs: [number, string][] = [];
  for (let i = 0; i < count; i++)
    pairs.push([decoding.readVarUint(decoder), decoding.readVarString(decoder)]);
  return pairs;
}

/** A room message as bytes, for a bus that crosses process boundaries. */
export function encodeRoomMessage(message: RoomMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, tags[message.kind]);
  if (message.kind === 'update') {
    encoding.writeVarUint(encoder, message.seq);
    writePairs(encoder, message.claims);
    encoding.writeVarUint8Array(encoder, message.update);
  } else if (message.kind === 'awareness') {
    writePairs(encoder, message.speakers);
    encoding.writeVarUint8Array(encoder, message.update);
  }
  return encoding.toUint8Array(encoder);
}

/** Reads what `encodeRoomMessage` wrote; the byte arrays are copies. Throws on anything else. */
export function decodeRoomMessage(bytes: Uint8Array): RoomMessage {
  const decoder = decoding.createDecoder(bytes);
  const tag = decoding.readVarUint(decoder);
  let message: RoomMessage;
  if (tag === tags.update) {
    const seq = decoding.readVarUint(decoder);
    const claims: ClientClaim[] = readPairs(decoder);
    message = { kind: 'update', seq, claims, update: decoding.readVarUint8Array(decoder).slice() };
  } else if (tag === tags.awareness) {
    const speakers: PresenceSpeaker[] = readPairs(decoder);
    message = { kind: 'awareness', speakers, update: decoding.readVarUint8Array(decoder).slice() };
  } else if (tag === tags['awareness-query']) {
    message = { kind: 'awareness-query' };
  } else {
    throw new Error(`unknown room message ${tag}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a room message');
  return message;
}

/** Wire tags of the board notices; numbers, never reused. */
const noticeTags = { 'key-renewed': 0, 'board-deleted': 1, 'history-rewritten': 2 } as const;

export function encodeBoardNotice(notice: BoardNotice): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, noticeTags[notice.kind]);
  encoding.writeVarString(encoder, notice.boardId);
  // Roles travel by name, so processes of different versions never read one role as another.
  if (notice.kind === 'key-renewed') encoding.writeVarString(encoder, notice.role);
  return encoding.toUint8Array(encoder);
}

/** Reads what `encodeBoardNotice` wrote. Throws on anything else. */
export function decodeBoardNotice(bytes: Uint8Array): BoardNotice {
  const decoder = decoding.createDecoder(bytes);
  const tag = decoding.readVarUint(decoder);
  const boardId = decoding.readVarString(decoder);
  let notice: BoardNotice;
  if (tag === noticeTags['key-renewed']) {
    const role = decoding.readVarString(decoder);
    if (!isBoardRole(role)) throw new Error('malformed board notice: unknown role');
    notice = { kind: 'key-renewed', boardId, role };
  } else if (tag === noticeTags['board-deleted']) {
    notice = { kind: 'board-deleted', boardId };
  } else if (tag === noticeTags['history-rewritten']) {
    notice = { kind: 'history-rewritten', boardId };
  } else {
    throw new Error(`unknown board notice ${tag}`);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes after a board notice');
  return notice;
}
