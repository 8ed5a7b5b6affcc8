import { strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '../board/read.ts';
import { applyImportPlan } from './applyImportPlan.ts';
import { exportBoardJson } from './boardJson.ts';
import { checkFileSize } from './decodeTextFile.ts';
import { exportBoardCsv, exportBoardCsvZip } from './exportBoardCsv.ts';
import { parseBoardCsv, parseBoardCsvTexts } from './parseBoardCsv.ts';
import type { ParsedBoard } from './parsedBoard.ts';
import { planImport } from './planImport.ts';
import { buildSampleBoard } from './testing/sampleBoard.ts';

const utf8 = (name: string, text: string) => ({ name, bytes: strToU8(text) });

function parsedOrThrow(result: ReturnType<typeof parseBoardCsvTexts>): ParsedBoard {
  if (!result.ok) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.value;
}

/** Imports into `doc` and returns the JSON export, to compare every field. */
function importCsv(doc: Y.Doc, board: ParsedBoard): void {
  const plan = planImport(readBoard(doc), board);
  expect(plan.errors).toEqual([]);
  applyImportPlan(doc, plan);
}

const stateOf = (doc: Y.Doc): string => Y.encodeStateAsUpdate(doc).join(',');

describe('CSV export and import', () => {
  it('writes one file per kind with English headers', () => {
    const files = exportBoardCsv(readBoard(buildSampleBoard()));
    expect(Object.keys(files)).toEqual([
      'organisations.csv',
      'people.csv',
      'projects.csv',
      'relationships.csv',
    ]);
    expect(files['organisations.csv']!.split('\r\n')[0]).toBe('id,name,sector,themes,notes,x,y');
    expect(files['relationships.csv']!.split('\r\n')[0]).toBe(
      'id,source,target,strength,kind,form,direction,lastChecked,notes',
    );
    // A formula-looking name is guarded against spreadsheets running it.
    expect(files['organisations.csv']).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('round-trips every field (into the same board: no changes; into a fresh board: equal but for ids)', () => {
    const doc = buildSampleBoard();
    const before = exportBoardJson(readBoard(doc));
    const files = exportBoardCsv(readBoard(doc));
    const parsed = parsedOrThrow(
      parseBoardCsvTexts(Object.entries(files).map(([name, text]) => ({ name, text }))),
    );
    const plan = planImport(readBoard(doc), parsed);
    expect(plan.errors).toEqual([]);
    expect(
      plan.organisations.update.concat(
        plan.people.update as never,
        plan.projects.update as never,
        plan.relationships.update as never,
      ),
    ).toEqual([]);
    expect(plan.organisations.add.length + plan.people.add.length + plan.relationships.add.length).toBe(0);

    const fresh = new Y.Doc();
    importCsv(fresh, parsed);
    const again = exportBoardCsv(readBoard(fresh));
    // Names are unique for all but the two "Jan de Vries": their references are ids, which differ.
    // Member lists are in id order, which differs once ids are new: compare list items as sets.
    const withoutIds = (text: string) =>
      Papa.parse<string[]>(text)
        .data.map((row) =>
          row
            .map((cell) =>
              cell
                .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
                .split('; ')
                .sort()
                .join('; '),
            )
            .join(','),
        )
        .sort();
    for (const name of Object.keys(files)) expect(withoutIds(again[name]!)).toEqual(withoutIds(files[name]!));
    expect(exportBoardJson(readBoard(doc))).toBe(before);
  });

  it('writes Dutch files for a Dutch interface (headers, words, semicolons, decimal commas) that import back', () => {
    const doc = buildSampleBoard();
    const files = exportBoardCsv(readBoard(doc), 'nl');
    expect(Object.keys(files)).toEqual(['organisaties.csv', 'personen.csv', 'projecten.csv', 'relaties.csv']);
    expect(files['organisaties.csv']!.split('\r\n')[0]).toBe("id;naam;sector;thema's;notities;x;y");
    expect(files['relaties.csv']!.split('\r\n')[0]).toBe(
      'id;van;naar;sterkte;soort;samenwerkingsvorm;richting;laatst gecheckt;notities',
    );
    expect(files['organisaties.csv']).toMatch(/;gemeente;/);
    const parsed = parsedOrThrow(
      parseBoardCsvTexts(Object.entries(files).map(([name, text]) => ({ name, text }))),
    );
    // Read back into the same board, the Dutch files change nothing: every field came back as it was.
    const plan = planImport(readBoard(doc), parsed);
    expect(plan.errors).toEqual([]);
    const changes = [plan.organisations, plan.people, plan.projects, plan.relationships].flatMap((p) => [
      ...p.add,
      ...p.update,
    ]);
    expect(changes).toEqual([]);
  });

  it('reads and writes a zip of the four files', () => {
    const zip = exportBoardCsvZip(readBoard(buildSampleBoard()));
    expect(Object.keys(unzipSync(zip)).sort()).toEqual([
      'organisations.csv',
      'people.csv',
      'projects.csv',
      'relationships.csv',
    ]);
    const parsed = parseBoardCsv([{ name: 'export.zip', bytes: zip }]);
    expect(parsed.ok && parsed.value.organisations.length).toBe(3);
    expect(parsed.ok && parsed.value.relationships.length).toBe(3);
  });

  it('names the columns that stand for no field, and reads the rest', () => {
    const parsed = parsedOrThrow(
      parseBoardCsv([utf8('organisations.csv', 'name,sector,budget,\nDimence,ggz,5000,\n')]),
    );
    expect(parsed.ignoredColumns).toEqual([{ file: 'organisations.csv', column: 'budget' }]);
    expect(parsed.organisations.map((o) => o.name)).toEqual(['Dimence']);
  });

  it('accepts the interface’s own headings as headers (Laatst gecheckt, Netwerkrollen, Network roles)', () => {
    const people = 'Name,Organisation,Network roles\nAnna,,sponsor\n';
    const relationships = 'Van,Naar,Laatst gecheckt\nAnna,Bram,2025-02-01\n';
    const parsed = parseBoardCsv([
      utf8('people.csv', `${people}Bram,,verbinder\n`),
      utf8('relaties.csv', relationships),
    ]);
    const board = parsedOrThrow(parsed);
    expect(board.people.map((p) => p.roles)).toEqual([['sponsor'], ['connector']]);
    expect(board.relationships.map((r) => r.lastChecked)).toEqual(['2025-02-01']);
  });

  it('accepts Dutch headers and values, any case, semicolon-separated, with a BOM', () => {
    const organisaties =
      "\uFEFFNaam;Sector;Thema's\r\nGemeente Zwolle;Gemeente;wonen\r\nDimence;GGZ;\r\nDeltion;onderwijs;talent\r\n";
    const personen =
      'naam,organisatie,rollen\nPiet,Gemeente Zwolle,verkenner; Verbinder\nKees,dimence,sponsor\n';
    const relaties =
      'Van,Naar,Sterkte,Soort,Samenwerkingsvorm,Richting,Laatst gecontroleerd\nPiet,Dimence,4,informatie-uitwisseling,aaneenvlechten,eenrichting,2025-01-31\n';
    const projecten = 'naam,kleur,leden\nWonen en zorg,#112233,Gemeente Zwolle; Kees\n';
    const parsed = parseBoardCsv([
      utf8('organisaties.csv', organisaties),
      utf8('personen.csv', personen),
      utf8('relaties.csv', relaties),
      utf8('projecten.csv', projecten),
    ]);
    const board = parsedOrThrow(parsed);
    expect(board.organisations.map((o) => [o.name, o.sector, o.themes])).toEqual([
      ['Gemeente Zwolle', 'municipality', ['wonen']],
      ['Dimence', 'mentalHealth', []],
      ['Deltion', 'education', ['talent']],
    ]);
    expect(board.people[0]).toMatchObject({
      name: 'Piet',
      organisation: 'Gemeente Zwolle',
      roles: ['scout', 'connector'],
    });
    expect(board.relationships[0]).toMatchObject({
      strength: 4,
      kind: 'information',
      form: 'interweave',
      direction: 'oneWay',
      lastChecked: '2025-01-31',
    });
    const doc = new Y.Doc();
    importCsv(doc, board);
    const snapshot = readBoard(doc);
    const piet = [...snapshot.people.values()].find((p) => p.name === 'Piet')!;
    const zwolle = [...snapshot.organisations.values()].find((o) => o.name === 'Gemeente Zwolle')!;
    expect(piet.organisationId).toBe(zwolle.id);
    expect([...snapshot.projects.values()][0]!.memberIds).toHaveLength(2);
    for (const node of [...snapshot.organisations.values(), ...snapshot.people.values()]) {
      expect(Number.isFinite(node.position.x) && Number.isFinite(node.position.y)).toBe(true);
    }
  });
});

describe('CSV import refuses bad files precisely and changes nothing', () => {
  function expectRefused(result: ReturnType<typeof parseBoardCsv>, expected: object): void {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject(expected);
  }

  it('wrong encoding: UTF-16, invalid UTF-8 (Latin-1), binary', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x6e, 0x00, 0x61, 0x00]);
    expectRefused(parseBoardCsv([{ name: 'organisations.csv', bytes: utf16 }]), {
      file: 'organisations.csv',
      code: 'encoding.utf16',
      message: expect.stringContaining('UTF-16'),
    });
    const latin1 = new Uint8Array([
      ...strToU8('name,sector\nA,care\n'),
      0x43,
      0x61,
      0x66,
      0xe9,
      0x2c,
      0x63,
      0x61,
      0x72,
      0x65,
    ]);
    expectRefused(parseBoardCsv([{ name: 'organisations.csv', bytes: latin1 }]), {
      file: 'organisations.csv',
      row: 3,
      code: 'encoding.invalidUtf8',
      message: expect.stringContaining('not valid UTF-8'),
    });
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]);
    expectRefused(parseBoardCsv([{ name: 'organisations.csv', bytes: binary }]), {
      code: 'encoding.binary',
      message: expect.stringContaining('binary'),
    });
  });

  it('detects ";" in a two-column file that ends with a line break', () => {
    const parsed = parsedOrThrow(
      parseBoardCsvTexts([{ name: 'organisaties.csv', text: 'naam;sector\nWijkteam Noord;welzijn\n\n' }]),
    );
    expect(parsed.organisations.map((o) => [o.name, o.sector])).toEqual([['Wijkteam Noord', 'welfare']]);
  });

  it('missing required columns are named', () => {
    expectRefused(parseBoardCsv([utf8('organisations.csv', 'name,notes\nA,x\n')]), {
      file: 'organisations.csv',
      row: 1,
      code: 'csv.missingColumns',
      params: { columns: '"sector"', found: '"name", "notes"' },
      message: expect.stringContaining('missing required column "sector"'),
    });
    expectRefused(parseBoardCsv([utf8('relationships.csv', 'source,strength\nA,3\n')]), {
      message: expect.stringContaining('"target" (or "to", "naar", "doel")'),
    });
  });

  it('unknown sector names the row, the column as written and the accepted values', () => {
    expectRefused(parseBoardCsv([utf8('organisaties.csv', 'Naam,Sector\nA,zorg\nB,bakkerij\n')]), {
      file: 'organisaties.csv',
      row: 3,
      column: 'Sector',
      code: 'value.unknown',
      params: { what: 'sector', value: 'bakkerij', accepted: expect.stringContaining('care (zorg)') },
      message: expect.stringMatching(
        /unknown sector "bakkerij"; expected one of: municipality \(gemeente\), housing \(woningcorporatie\)/,
      ),
    });
  });

  it('a relationship to a name that does not exist is an error at its cell, and nothing is applied', () => {
    const doc = buildSampleBoard();
    const before = stateOf(doc);
    const parsed = parsedOrThrow(
      parseBoardCsvTexts([
        { name: 'organisations.csv', text: 'name,sector\nNieuw,care\n' },
        { name: 'relationships.csv', text: 'source,target\nNieuw,Woonstede\nNieuw,Nobody Knows\n' },
      ]),
    );
    const plan = planImport(readBoard(doc), parsed);
    expect(plan.errors).toEqual([
      {
        file: 'relationships.csv',
        row: 3,
        column: 'target',
        code: 'ref.missing',
        params: { what: 'node', value: 'Nobody Knows' },
        message: 'no organisation or person named or with id "Nobody Knows" in the import or on the board',
      },
    ]);
    expect(() => applyImportPlan(doc, plan)).toThrow(/1 error/);
    expect(stateOf(doc)).toBe(before);
  });

  it('files over the size limit are refused before they are read (200 MB by size, 21 MB by bytes)', () => {
    expect(checkFileSize('huge.csv', 200 * 1024 * 1024)).toEqual({
      ok: false,
      errors: [
        {
          file: 'huge.csv',
          code: 'file.tooLarge',
          params: { size: '200.0 MB', limit: '20.0 MB' },
          message: 'the file is 200.0 MB; the limit is 20.0 MB per file',
        },
      ],
    });
    const big = new Uint8Array(21 * 1024 * 1024).fill(0x41);
    expectRefused(parseBoardCsv([{ name: 'organisations.csv', bytes: big }]), {
      message: expect.stringContaining('limit is 20.0 MB'),
    });
    // A zip whose entry would inflate past the limit is refused from its directory, without inflating it.
    const bomb = zipSync({ 'organisations.csv': big }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    expectRefused(parseBoardCsv([{ name: 'bomb.zip', bytes: bomb }]), {
      file: 'bomb.zip/organisations.csv',
      code: 'file.tooLarge',
      message: expect.stringContaining('limit is 20.0 MB'),
    });
  });

  it('other bad cells: strength, date, colour, role, half a position, unknown file', () => {
    const result = parseBoardCsvTexts([
      { name: 'relationships.csv', text: 'source,target,strength,lastChecked\nA,B,9,\nA,B,3,31-01-2025\n' },
      { name: 'projects.csv', text: 'name,colour\nP,red\n' },
      { name: 'people.csv', text: 'name,roles,x,y\nQ,chef,,\nR,,10,\n' },
      { name: 'misc.csv', text: 'foo,bar\n1,2\n' },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.row, e.column, e.code])).toEqual([
      ['relationships.csv', 2, 'strength', 'value.strength'],
      ['relationships.csv', 3, 'lastChecked', 'value.date'],
      ['projects.csv', 2, 'colour', 'value.colour'],
      ['people.csv', 2, 'roles', 'value.unknown'],
      ['people.csv', 3, 'y', 'csv.positionHalf'],
      ['misc.csv', undefined, undefined, 'csv.unknownFile'],
    ]);
  });
});
