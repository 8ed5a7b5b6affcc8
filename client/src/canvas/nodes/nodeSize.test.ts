import { describe, expect, it } from 'vitest';
import { organisationSize, personSize } from './nodeSize.ts';

// In Node there is no canvas: glyphs are measured by an average width, enough to check the box geometry.
describe('node sizes', () => {
  it('keeps an organisation card between its minimum and maximum width, taller when the name wraps', () => {
    const short = organisationSize({ name: 'A', sector: 'care' });
    expect(short).toEqual({ width: 200, height: 64 });
    const long = organisationSize({ name: 'A rather long organisation name that wraps', sector: 'care' });
    expect(long.width).toBe(280);
    expect(long.height).toBeGreaterThan(64);
    const huge = organisationSize({ name: 'word '.repeat(80), sector: 'care' });
    // The name is clamped to three lines.
    expect(huge.height).toBe(Math.round(20 + 3 * 19.2 + 2 + 18));
  });

  it('makes a person as tall as the circle plus the lines of its name', () => {
    expect(personSize({ name: 'Ann' })).toEqual({ width: 140, height: 80 });
    expect(personSize({ name: 'Annemarie van der Berg-Vermeulen' }).height).toBeGreaterThan(80);
  });
});
