import { describe, expect, it } from 'vitest';
import { dragFrameOf } from './dragFrame.ts';

describe('dragFrameOf', () => {
  it('takes pointer moves of a drag and leaves drops and other changes to the controlled nodes', () => {
    expect(dragFrameOf([{ id: 'a', type: 'position', position: { x: 1, y: 2 }, dragging: true }])).toEqual([
      { id: 'a', position: { x: 1, y: 2 } },
    ]);
    expect(
      dragFrameOf([{ id: 'a', type: 'position', position: { x: 1, y: 2 }, dragging: false }]),
    ).toBeNull();
    expect(
      dragFrameOf([
        { id: 'a', type: 'position', position: { x: 1, y: 2 }, dragging: true },
        { id: 'b', type: 'select', selected: true },
      ]),
    ).toBeNull();
    expect(dragFrameOf([])).toBeNull();
  });
});
