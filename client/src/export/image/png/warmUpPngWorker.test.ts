import { describe, expect, it } from 'vitest';
import { warmUpPngWorker } from './warmUpPngWorker.ts';

describe('warmUpPngWorker', () => {
  it('builds its made-up board and runs the encoder without an error (no canvas here: painting is skipped)', () => {
    expect(typeof OffscreenCanvas).toBe('undefined');
    expect(() => warmUpPngWorker()).not.toThrow();
  });
});
