import { describe, expect, it } from 'vitest';
import type { RoomMessage } from './RoomBus.ts';
import {
  decodeKeyRenewal,
  decodeRoomMessage,
  encodeKeyRenewal,
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
    expect(decodeKeyRenewal(encodeKeyRenewal({ boardId: 'b1', role: 'viewer' }))).toEqual({
      boardId: 'b1',
      role: 'viewer',
    });
  });

  it('refuses unknown kinds, truncated and trailing bytes', () => {
    expect(() => decodeRoomMessage(new Uint8Array([9]))).toThrow();
    const update = encodeRoomMessage({ kind: 'update', update: new Uint8Array([1, 2]), seq: 5, claims: [] });
    expect(() => decodeRoomMessage(update.slice(0, -1))).toThrow();
    expect(() => decodeRoomMessage(new Uint8Array([...update, 0]))).toThrow();
    expect(() => decodeKeyRenewal(new Uint8Array([1, 65, 7]))).toThrow();
  });
});
