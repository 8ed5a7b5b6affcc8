import { describe, expect, it } from 'vitest';
import { breakLines, nameText, SOFT_HYPHEN } from './lineBreaks.ts';

/** Every character 10 units wide: a line 80 wide holds 8. */
const width = (text: string): number => [...text].length * 10;
const lines = (name: string, maxWidth: number): string[] => breakLines(nameText(name), maxWidth, width);

describe('names in lines', () => {
  it('breaks a long Dutch word between syllables, with a hyphen, every line within the width', () => {
    expect(lines('Huurdersvereniging', 80)).toEqual(['Huur-', 'dersver-', 'eniging']);
    expect(lines('Bonaventuracollege', 100)).toEqual(['Bonaven-', 'turacol-', 'lege']);
    for (const name of [
      'Werkgeversvereniging Holland Rijnland',
      'Jeugdgezondheidszorg',
      'ROC Bonaventuracollege',
    ]) {
      const broken = lines(name, 90);
      expect(broken.join(' ').replaceAll('- ', '').replaceAll(' ', '')).toBe(name.replaceAll(' ', ''));
      for (const line of broken) expect(width(line)).toBeLessThanOrEqual(90);
    }
  });

  it('fills a line begun with the first syllables of a long word, as the browser does', () => {
    expect(lines('De Huurdersvereniging', 100)).toEqual(['De Huur-', 'dersvere-', 'niging']);
  });

  it('moves a short word whole to the next line and leaves words under 14 letters whole', () => {
    expect(nameText('Woonstichting De Sleutels')).toBe('Woonstichting De Sleutels');
    expect(lines('Woonstichting De Sleutels', 140)).toEqual(['Woonstichting', 'De Sleutels']);
  });

  it('cuts a syllable wider than a line anywhere, and loses nothing', () => {
    const broken = lines('Bonaventuracollege', 30);
    expect(broken.join('').replaceAll('-', '')).toBe('Bonaventuracollege');
    for (const line of broken) expect(width(line)).toBeLessThanOrEqual(30);
    expect(lines('Zzzzzzzzzzzz', 50)).toEqual(['Zzzzz', 'zzzzz', 'zz']);
  });

  it('never leaves one letter at the start of a broken word, or fewer than three at its end', () => {
    expect(nameText('Schimmelpenninck').split(SOFT_HYPHEN)).toEqual(['Schim', 'mel', 'pen', 'ninck']);
    expect(nameText('Bonaventuracollege').split(SOFT_HYPHEN).at(-1)).toBe('lege');
  });

  it('marks the hyphenation points of long words only', () => {
    expect(nameText('Stichting Huurdersvereniging')).toBe(
      `Stichting Huur${SOFT_HYPHEN}ders${SOFT_HYPHEN}ver${SOFT_HYPHEN}e${SOFT_HYPHEN}ni${SOFT_HYPHEN}ging`,
    );
  });
});
