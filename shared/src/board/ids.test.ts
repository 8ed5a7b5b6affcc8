import { describe, expect, it } from 'vitest';
import { isGeneratedIdFormat, randomUuid } from './ids.ts';

describe('randomUuid', () => {
  it('makes distinct version-4 UUIDs without crypto.randomUUID (plain-http LAN pages lack it)', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => randomUuid()));
    expect(ids.size).toBe(1000);
    for (const id of ids) {
      expect(isGeneratedIdFormat(id)).toBe(true);
      expect(id[14]).toBe('4');
      expect('89ab').toContain(id[19]);
    }
  });
});
