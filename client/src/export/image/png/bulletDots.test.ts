import { describe, expect, it } from 'vitest';
import { dottedStroke } from './bulletDots.ts';

describe('dottedStroke: which strokes are painted as bullet dots', () => {
  it('takes round-capped dashes shorter than a pixel, with gaps between the dots', () => {
    // The "coordinate" form at strength 3, at 2× and at a large map's 0.59 px per unit.
    expect(dottedStroke(4.7, [0.5, 15.2], 'round', 2)).toEqual({ width: 4.7, on: 0.5, off: 15.2 });
    expect(dottedStroke(4.7, [0.5, 15.2], 'round', 0.59)).not.toBeNull();
    expect(dottedStroke(1.5, [0, 6], 'round', 1)).not.toBeNull();
  });

  it('leaves strokes to the canvas where a disc would not look the same', () => {
    // Square or butt ends, dashes (not dots), dots stretched by more than a pixel at this scale.
    expect(dottedStroke(4.7, [0.5, 15.2], 'butt', 1)).toBeNull();
    expect(dottedStroke(4.7, [0.5, 15.2], 'square', 1)).toBeNull();
    expect(dottedStroke(4.7, [21.1, 13.4], 'round', 1)).toBeNull();
    expect(dottedStroke(7.9, [0.8, 23.5], 'round', 4)).toBeNull();
    // Dots that touch or overlap, and dash arrays of other shapes.
    expect(dottedStroke(6, [0.2, 5], 'round', 1)).toBeNull();
    expect(dottedStroke(2, [0.2, 6, 0.2, 9], 'round', 1)).toBeNull();
    expect(dottedStroke(2, [], 'round', 1)).toBeNull();
    expect(dottedStroke(0, [0.2, 6], 'round', 1)).toBeNull();
  });
});
