/**
 * The board as CSV files, one per kind, in the interface's language: English (comma-separated, the model's
 * own words) or Dutch (Dutch file names, headers and words, semicolons and decimal commas, as Dutch Excel
 * expects). Both import back. A reference to
 * another node (a person's organisation, a relationship's ends, a project's
 * members) is written as its name when that name identifies it on import,
 * else as its id, so the files are readable in a spreadsheet and still
 * import back exactly.
 */
import Papa from 'papaparse';
import { zipSync, strToU8 } from 'fflate';
import type { BoardSnapshot, NodeId } from '../board/types.ts';
import { CSV_COLUMNS, CSV_KINDS, csvFileName } from './csvColumns.ts';
import type { CsvKind } from './csvColumns.ts';
import { DIRECTION_WORDS, FORM_WORDS, KIND_WORDS, ROLE_WORDS, SECTOR_WORDS } from './vocabulary.ts';
import type { Vocabulary } from './vocabulary.ts';

/** The language of the files: the words, the separators and the file names. */
export type CsvLanguage = 'en' | 'nl';

/** Dutch headers, each one the importer accepts (see `CSV_COLUMNS`). */
const DUTCH_HEADERS: Readonly<Record<string, string>> = {
  id: 'id',
  name: 'naam',
  sector: 'sector',
  themes: "thema's",
  notes: 'notities',
  x: 'x',
  y: 'y',
  organisation: 'organisatie',
  roles: 'rollen',
  colour: 'kleur',
  description: 'beschrijving',
  members: 'leden',
  source: 'van',
  target: 'naar',
  strength: 'sterkte',
  kind: 'soort',
  form: 'samenwerkingsvorm',
  direction: 'richting',
  lastChecked: 'laatst gecheckt',
};

const DUTCH_FILE_NAMES: Readonly<Record<CsvKind, string>> = {
  organisations: 'organisaties.csv',
  people: 'personen.csv',
  projects: 'projecten.csv',
  relationships: 'relaties.csv',
};

/** How values are written in one language. */
interface Wording {
  word<T extends string>(vocabulary: Vocabulary<T>, value: T): string;
  number(value: number): Cell;
}

const WORDING: Readonly<Record<CsvLanguage, Wording>> = {
  en: { word: (_vocabulary, value) => value, number: (value) => value },
  nl: {
    word: (vocabulary, value) => vocabulary.words[value].nl[0] ?? value,
    // Dutch spreadsheets read "12.5" as text or a date; the importer reads "12,5".
    number: (value) => (Number.isInteger(value) ? value : String(value).replace('.', ',')),
  },
};

type Cell = string | number;

function sortedById<T extends { readonly id: string }>(values: Iterable<T>): T[] {
  return [...values].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** How each node is referred to in the files: its name where unambiguous, else its id. */
function nodeReferences(snapshot: BoardSnapshot): (id: NodeId) => string {
  const nodes = [...snapshot.organisations.values(), ...snapshot.people.values()];
  const nameCount = new Map<string, number>();
  const ids = new Set<string>(nodes.map((n) => n.id));
  for (const node of nodes) {
    const key = node.name.trim().toLowerCase();
    nameCount.set(key, (nameCount.get(key) ?? 0) + 1);
  }
  const reference = new Map<string, string>();
  for (const node of nodes) {
    const name = node.name.trim();
    const usable =
      name.length > 0 &&
      name === node.name &&
      !name.includes(';') &&
      !ids.has(name) &&
      nameCount.get(name.toLowerCase()) === 1;
    reference.set(node.id, usable ? name : node.id);
  }
  return (id) => reference.get(id) ?? id;
}

function rowsOf(snapshot: BoardSnapshot, kind: CsvKind, language: CsvLanguage): Cell[][] {
  const ref = nodeReferences(snapshot);
  const { word, number } = WORDING[language];
  const list = (items: readonly string[]): string => items.join('; ');
  switch (kind) {
    case 'organisations':
      return sortedById(snapshot.organisations.values()).map((o) => [
        o.id,
        o.name,
        word(SECTOR_WORDS, o.sector),
        list(o.themes),
        o.notes,
        number(o.position.x),
        number(o.position.y),
      ]);
    case 'people':
      return sortedById(snapshot.people.values()).map((p) => [
        p.id,
        p.name,
        p.organisationId === null ? '' : ref(p.organisationId),
        list(p.roles.map((role) => word(ROLE_WORDS, role))),
        p.notes,
        number(p.position.x),
        number(p.position.y),
      ]);
    case 'projects':
      return sortedById(snapshot.projects.values()).map((p) => [
        p.id,
        p.name,
        p.colour,
        p.description,
        list(p.themes),
        list([...p.memberIds].sort().map(ref)),
      ]);
    case 'relationships':
      return sortedById(snapshot.relationships.values()).map((r) => [
        r.id,
        ref(r.source),
        ref(r.target),
        r.strength,
        word(KIND_WORDS, r.kind),
        word(FORM_WORDS, r.form),
        word(DIRECTION_WORDS, r.direction),
        r.lastChecked ?? '',
        r.notes,
      ]);
  }
}

/** One CSV file of the board (CRLF line ends as spreadsheets expect). */
export function exportCsvFile(snapshot: BoardSnapshot, kind: CsvKind, language: CsvLanguage = 'en'): string {
  const fields = CSV_COLUMNS[kind].map((c) =>
    language === 'nl' ? (DUTCH_HEADERS[c.field] ?? c.field) : c.field,
  );
  return Papa.unparse(
    { fields, data: rowsOf(snapshot, kind, language) },
    // escapeFormulae: a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it;
    // the importer strips that prefix again. Numbers are passed as numbers and never prefixed.
    { escapeFormulae: true, newline: '\r\n', delimiter: language === 'nl' ? ';' : ',' },
  );
}

/** A CSV file's name in the language (`people.csv`, `personen.csv`). */
export function csvFileNameIn(kind: CsvKind, language: CsvLanguage): string {
  return language === 'nl' ? DUTCH_FILE_NAMES[kind] : csvFileName(kind);
}

/** All four CSV files, keyed by file name (`organisations.csv`, `people.csv`, … or the Dutch names). */
export function exportBoardCsv(
  snapshot: BoardSnapshot,
  language: CsvLanguage = 'en',
): Record<string, string> {
  return Object.fromEntries(
    CSV_KINDS.map((kind) => [csvFileNameIn(kind, language), exportCsvFile(snapshot, kind, language)]),
  );
}

/** The four CSV files in one zip (UTF-8 with a byte-order mark, so Excel reads accents correctly). */
export function exportBoardCsvZip(snapshot: BoardSnapshot, language: CsvLanguage = 'en'): Uint8Array {
  const files = exportBoardCsv(snapshot, language);
  const BOM = '\uFEFF';
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(BOM + text)])),
    { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) },
  );
}
