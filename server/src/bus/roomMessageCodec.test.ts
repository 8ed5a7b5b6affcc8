import { describe, expect, it } from 'vitest';
import type { BoardNotice, RoomMessage } from './RoomBus.ts';
import {
  decodeBoardNotice,
  decodeRoomMessage,
  encodeBoardNotice,
  encodeRoomMessage,
} from './roomMessageCodec.ts';

describe('room message codec', () => {
  it('carries every kind of room message and key renewal unchanged', () => {
    const messages: RoomMessage[] = [
      {
        kind: 'update',
        update: new Uint8Array([1, 2, 3]),
        seq: 4_000_000_123,
        claims: [
          [3_000_000_000, 'device:ab'],
          [7, 'server'],
        ],
      },
      { kind: 'update', update: new Uint8Array([]), seq: 1, claims: [] },
      { kind: 'awareness', update: new Uint8Array([9, 8]), speakers: [[42, 'device:cd']] },
      { kind: 'awareness-query' },
    ];
    for (const message of messages) expect(decodeRoomMessage(encodeRoomMessage(message))).toEqual(message);
    const notices: BoardNotice[] = [
      { kind: 'key-renewed', boardId: 'b1', role: 'viewer' },
      { kind: 'board-deleted', boardId: 'b2' },
      { kind: 'history-rewritten', boardId: 'b3' },
    ];
    for (const notice of notices) expect(decodeBoardNotice(encodeBoardNotice(notice))).toEqual(notice);
  });

  it('refuses unknown kinds, truncated and trailing bytes', () => {
    expect(() => decodeRoomMessage(new Uint8Array([9]))).toThrow();
    const update = encodeRoomMessage({ kind: 'update', update: new Uint8Array([1, 2]), seq: 5, claims: [] });
    expect(() => decodeRoomMessage(update.slice(0, -1))).toThrow();
    expect(() => decodeRoomMessage(new Uint8Array([...update, 0]))).toThrow();
    expect(() => decodeBoardNotice(new Uint8Array([7, 1, 65]))).toThrow();
    const renewal = encodeBoardNotice({ kind: 'key-renewed', boardId: 'b', role: 'editor' });
    expect(() => decodeBoardNotice(renewal.slice(0, -1))).toThrow();
    expect(() => decodeBoardNotice(new Uint8Array([...renewal, 0]))).toThrow();
  });
});
