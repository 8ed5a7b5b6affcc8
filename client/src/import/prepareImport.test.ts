import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD } from '@interplay/shared';
import { prepareImport } from './prepareImport.ts';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

describe('prepareImport', () => {
  it('reports every problem of the files at once: bad cells and names that exist nowhere', () => {
    const prepared = prepareImport(
      [
        file('organisaties.csv', 'naam;sector\nWijkteam Noord;welzijn\nBakkerij Jansen;bakkerij\n'),
        file(
          'relaties.csv',
          'van;naar;sterkte\nWijkteam Noord;Nergens;3\nWijkteam Noord;Bakkerij Jansen;2\nWijkteam Noord;Wijkteam Noord;9\n',
        ),
      ],
      EMPTY_BOARD,
    );
    expect(prepared.ok).toBe(false);
    const errors = prepared.ok ? [] : prepared.errors;
    expect(errors.map((e) => [e.file, e.row, e.code])).toEqual([
      ['organisaties.csv', 3, 'value.unknown'],
      ['relaties.csv', 4, 'value.strength'],
      ['relaties.csv', 2, 'ref.missing'],
    ]);
    // "Bakkerij Jansen" is named in the file (its row has a bad cell): not reported as missing.
    expect(errors.some((e) => e.params?.value === 'Bakkerij Jansen')).toBe(false);
  });
});
