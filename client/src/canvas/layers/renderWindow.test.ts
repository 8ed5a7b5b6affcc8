import { describe, expect, it } from 'vitest';
import { nextRenderWindow, overlaps } from './renderWindow.ts';

const view = (left: number, top: number, width = 1600, height = 900) => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

describe('render window', () => {
  it('widens the view by 0.3 of a view on every side at working zoom', () => {
    expect(nextRenderWindow(view(0, 0, 0, 0), 0, view(0, 0), 1)).toEqual({
      left: -480,
      top: -270,
      right: 2080,
      bottom: 1170,
    });
  });

  it('stays the same object while the view moves inside it, away from its border', () => {
    const first = nextRenderWindow(view(0, 0, 0, 0), 0, view(0, 0), 1);
    expect(nextRenderWindow(first, 1, view(160, -90), 1)).toBe(first);
    expect(nextRenderWindow(first, 1, view(-300, 150), 1)).toBe(first);
  });

  it('re-centres on the view before the view reaches its border', () => {
    const first = nextRenderWindow(view(0, 0, 0, 0), 0, view(0, 0), 1);
    // 700 px to the right: the view's right edge is past the window's.
    const next = nextRenderWindow(first, 1, view(700, 0), 1);
    expect(next).not.toBe(first);
    expect(next.left).toBe(700 - 480);
  });

  it('re-centres when zooming in far or out at all, with a smaller margin far out', () => {
    const first = nextRenderWindow(view(0, 0, 0, 0), 0, view(0, 0), 1);
    expect(nextRenderWindow(first, 1, view(400, 225, 800, 450), 2)).not.toBe(first);
    const far = nextRenderWindow(first, 1, view(-4000, -2250, 16000, 9000), 0.1);
    expect(far.left).toBe(-4000 - 4000);
  });

  it('tells overlapping rectangles', () => {
    expect(overlaps(view(0, 0), view(1600, 900))).toBe(true);
    expect(overlaps(view(0, 0), view(1601, 0))).toBe(false);
  });
});
