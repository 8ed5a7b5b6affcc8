import { describe, expect, it } from 'vitest';
import { colourOnBoard, userColours } from './userIdentity.ts';

const [blue, orange, green] = userColours as [string, string, string];

describe('colourOnBoard', () => {
  it('keeps the own colour while nobody else on the board has it', () => {
    expect(colourOnBoard(blue, 5, [{ clientId: 3, colour: orange }])).toBe(blue);
  });

  it('gives way to whoever has the same colour with a lower client id, taking the first free one', () => {
    const others = [
      { clientId: 3, colour: blue },
      { clientId: 9, colour: orange },
    ];
    expect(colourOnBoard(blue, 5, others)).toBe(green);
    // The one with the lower id keeps it: of two pages, only one changes.
    expect(colourOnBoard(blue, 3, [{ clientId: 5, colour: blue }])).toBe(blue);
  });

  it('keeps the own colour when every colour of the palette is taken', () => {
    const others = userColours.map((colour, i) => ({ clientId: i, colour }));
    expect(colourOnBoard(blue, 99, others)).toBe(blue);
  });

  it('offers only clearly different colours', () => {
    expect(new Set(userColours).size).toBe(userColours.length);
  });
});
