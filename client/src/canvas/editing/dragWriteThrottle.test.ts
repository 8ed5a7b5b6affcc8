import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAG_WRITE_INTERVAL_MS,
  TRAILING_WRITE_GRACE_MS,
  createDragWriteThrottle,
} from './dragWriteThrottle.ts';

describe('createDragWriteThrottle', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const setup = () => {
    const written: Array<[number, string]> = [];
    const throttle = createDragWriteThrottle<string>(
      (value) => written.push([Date.now(), value]),
      () => Date.now(),
    );
    return { written, throttle };
  };

  it('writes at once when the interval has passed, never more often, the freshest move first', () => {
    const { written, throttle } = setup();
    const start = Date.now();
    // Pointer moves every 20 ms: every other one goes out, at once (25 a second).
    for (let i = 0; i <= 10; i++) {
      throttle.offer(`move ${i}`);
      vi.advanceTimersByTime(20);
    }
    const times = written.map(([at]) => at - start);
    expect(written.map(([, value]) => value)).toEqual([
      'move 0',
      'move 2',
      'move 4',
      'move 6',
      'move 8',
      'move 10',
    ]);
    expect(times).toEqual([0, 40, 80, 120, 160, 200]);
  });

  it('writes a held-back position when no newer move comes, and keeps to ≤ 30 a second at 60 Hz', () => {
    const { written, throttle } = setup();
    const start = Date.now();
    throttle.offer('a');
    vi.advanceTimersByTime(10);
    throttle.offer('b');
    vi.advanceTimersByTime(DRAG_WRITE_INTERVAL_MS + TRAILING_WRITE_GRACE_MS);
    expect(written.map(([at, value]) => [at - start, value])).toEqual([
      [0, 'a'],
      [DRAG_WRITE_INTERVAL_MS + TRAILING_WRITE_GRACE_MS, 'b'],
    ]);
    written.length = 0;
    for (let i = 0; i < 60; i++) {
      throttle.offer(`m${i}`);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(200);
    const times = written.map(([at]) => at);
    expect(written.length).toBeLessThanOrEqual(31);
    expect(times.slice(1).every((at, i) => at - (times[i] ?? 0) >= DRAG_WRITE_INTERVAL_MS)).toBe(true);
    expect(written.at(-1)?.[1]).toBe('m59');
  });

  it('drops what is held back on cancel, and writes at once after a reset', () => {
    const { written, throttle } = setup();
    throttle.offer('a');
    throttle.offer('b');
    throttle.cancel();
    vi.advanceTimersByTime(100);
    expect(written.map(([, value]) => value)).toEqual(['a']);
    throttle.offer('c');
    throttle.reset();
    throttle.offer('d');
    expect(written.map(([, value]) => value)).toEqual(['a', 'c', 'd']);
  });
});
