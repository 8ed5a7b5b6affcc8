import { describe, expect, it } from 'vitest';
import { fontFaceCss } from './embeddedFont.ts';
import type { EmbeddedFont } from './embeddedFont.ts';

const latin: EmbeddedFont = { unicodeRange: 'U+0000-00FF,U+2000-206F', woff2Base64: 'TEFUSU4=' };
const latinExt: EmbeddedFont = { unicodeRange: 'U+0100-02BA,U+2020', woff2Base64: 'RVhU' };
const emoji: EmbeddedFont = { unicodeRange: 'U+1F600-1F64F', woff2Base64: 'RU1PSkk=' };
const fonts = [latin, latinExt, emoji];

/** Which fonts' files `fontFaceCss` embeds for `text`. */
const embedded = (text: string): string[] =>
  fonts.filter((font) => fontFaceCss(fonts, text).includes(font.woff2Base64)).map((f) => f.woff2Base64);

describe('fontFaceCss', () => {
  it('embeds a font only for characters that no earlier font covers', () => {
    expect(embedded('<text>Gemeente Zwolle</text>')).toEqual(['TEFUSU4=']);
    expect(embedded('<text>Łódź</text>')).toEqual(['TEFUSU4=', 'RVhU']);
    // U+2020 is in both ranges: the first font covers it, so the second is not needed.
    expect(embedded('<text>a†b</text>')).toEqual(['TEFUSU4=']);
    expect(embedded('ł')).toEqual(['RVhU']);
    expect(embedded('')).toEqual([]);
    expect(fontFaceCss([], 'anything')).toBe('');
  });

  it('reads a surrogate pair as one character, and a lone surrogate as none of the fonts', () => {
    expect(embedded('<text>Team 😀</text>')).toEqual(['TEFUSU4=', 'RU1PSkk=']);
    expect(embedded('😀')).toEqual(['RU1PSkk=']);
    // A high surrogate alone is not U+1F600, and the low one after a letter is not either.
    expect(embedded('\uD83D x \uDE00')).toEqual(['TEFUSU4=']);
  });
});
