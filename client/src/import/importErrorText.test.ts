import { describe, expect, it } from 'vitest';
import { parseBoardCsvTexts, parseBoardJson } from '@interplay/shared/formats/index';
import type { ImportError } from '@interplay/shared/formats/index';
import { translate } from '../i18n/index.ts';
import type { MessageKey } from '../i18n/index.ts';
import { importErrorText } from './importErrorText.ts';

const nl = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => translate('nl', key, vars);
const en = (key: MessageKey, vars?: Readonly<Record<string, string | number>>) => translate('en', key, vars);

function errorsOf(result: { ok: boolean; errors?: readonly ImportError[] }): readonly ImportError[] {
  if (result.ok || !result.errors) throw new Error('expected errors');
  return result.errors;
}

describe('importErrorText', () => {
  it('says an unknown sector in Dutch, keeping file, row, column and the accepted values', () => {
    const [error] = errorsOf(
      parseBoardCsvTexts([{ name: 'organisaties.csv', text: 'Naam,Sector\nA,zorg\nB,bakkerij\n' }]),
    );
    expect(importErrorText(error!, nl)).toMatch(
      /^organisaties\.csv, rij 3, kolom "Sector": onbekende sector "bakkerij"; verwacht een van: municipality \(gemeente\)/,
    );
    expect(importErrorText(error!, en)).toMatch(
      /^organisaties\.csv, row 3, column "Sector": unknown sector "bakkerij"; expected one of: /,
    );
  });

  it('translates the words in params: a relationship to a missing name', () => {
    const error: ImportError = {
      file: 'relaties.csv',
      row: 2,
      column: 'naar',
      code: 'ref.missing',
      params: { what: 'node', value: 'B' },
      message: 'no organisation or person named or with id "B" in the import or on the board',
    };
    expect(importErrorText(error, nl)).toBe(
      'relaties.csv, rij 2, kolom "naar": geen organisatie of persoon met de naam of id "B" in de import of op het bord',
    );
  });

  it('renders bad JSON and schema errors, and falls back to the English text for an unknown code', () => {
    const [bad] = errorsOf(parseBoardJson('{"format":', 'bord.json'));
    expect(importErrorText(bad!, nl)).toMatch(/^bord\.json: geen geldige JSON: /);
    const unknown = { code: 'something.new', message: 'english text' } as unknown as ImportError;
    expect(importErrorText(unknown, nl)).toBe('english text');
  });
});
