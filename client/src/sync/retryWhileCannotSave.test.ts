import { afterEach, describe, expect, it, vi } from 'vitest';
import { ObservableV2 } from 'lib0/observable';
import { createConnectionStore } from './connectionStatus.ts';
import {
  CANNOT_SAVE_CLEARED_AFTER_MS,
  CANNOT_SAVE_CODE,
  CANNOT_SAVE_RETRY_MS,
  retryWhileCannotSave,
} from './retryWhileCannotSave.ts';
import type { BoardSocket } from './socket/BoardSocket.ts';

/** The socket's events and its two switches, counted. */
class FakeSocket extends ObservableV2<{ status: (status: string) => void; close: (code: number) => void }> {
  connects = 0;
  disconnects = 0;
  connect(): void {
    this.connects += 1;
  }
  disconnect(): void {
    this.disconnects += 1;
  }
}

afterEach(() => {
  vi.useRealTimers();
});

describe('retryWhileCannotSave', () => {
  it('says so, waits before sending again, and clears the notice once a connection lasts', () => {
    vi.useFakeTimers();
    const socket = new FakeSocket();
    const connection = createConnectionStore();
    const stop = retryWhileCannotSave(socket as unknown as BoardSocket, connection, () => true);

    socket.emit('close', [CANNOT_SAVE_CODE]);
    expect(connection.getState().cannotSave).toBe(true);
    expect(socket.disconnects).toBe(1);
    vi.advanceTimersByTime(CANNOT_SAVE_RETRY_MS * 0.7);
    expect(socket.connects).toBe(0);
    vi.advanceTimersByTime(CANNOT_SAVE_RETRY_MS * 0.6);
    expect(socket.connects).toBe(1);

    socket.emit('status', ['connected']);
    vi.advanceTimersByTime(CANNOT_SAVE_CLEARED_AFTER_MS - 1);
    expect(connection.getState().cannotSave).toBe(true);
    vi.advanceTimersByTime(1);
    expect(connection.getState().cannotSave).toBe(false);

    // Other closes are the socket's own business.
    socket.emit('close', [1006]);
    expect(socket.disconnects).toBe(1);
    stop();
  });
});
