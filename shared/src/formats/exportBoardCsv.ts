/**
 * The board as CSV files, one per kind, with English headers. A reference to
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

function rowsOf(snapshot: BoardSnapshot, kind: CsvKind): Cell[][] {
  const ref = nodeReferences(snapshot);
  const list = (items: readonly string[]): string => items.join('; ');
  switch (kind) {
    case 'organisations':
      return sortedById(snapshot.organisations.values()).map((o) => [
        o.id,
        o.name,
        o.sector,
        list(o.themes),
        o.notes,
        o.position.x,
        o.position.y,
      ]);
    case 'people':
      return sortedById(snapshot.people.values()).map((p) => [
        p.id,
        p.name,
        p.organisationId === null ? '' : ref(p.organisationId),
        list(p.roles),
        p.notes,
        p.position.x,
        p.position.y,
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
        r.kind,
        r.form,
        r.direction,
        r.lastChecked ?? '',
        r.notes,
      ]);
  }
}

/** One CSV file of the board (English headers, CRLF line ends as spreadsheets expect). */
export function exportCsvFile(snapshot: BoardSnapshot, kind: CsvKind): string {
  return Papa.unparse(
    { fields: CSV_COLUMNS[kind].map((c) => c.field), data: rowsOf(snapshot, kind) },
    // escapeFormulae: a cell starting with = + - @ is prefixed with ' so a spreadsheet does not run it;
    // the importer strips that prefix again. Numbers are passed as numbers and never prefixed.
    { escapeFormulae: true, newline: '\r\n' },
  );
}

/** All four CSV files, keyed by file name (`organisations.csv`, `people.csv`, …). */
export function exportBoardCsv(snapshot: BoardSnapshot): Record<string, string> {
  return Object.fromEntries(CSV_KINDS.map((kind) => [csvFileName(kind), exportCsvFile(snapshot, kind)]));
}

/** The four CSV files in one zip (UTF-8 with a byte-order mark, so Excel reads accents correctly). */
export function exportBoardCsvZip(snapshot: BoardSnapshot): Uint8Array {
  const files = exportBoardCsv(snapshot);
  const BOM = '\uFEFF';
  return zipSync(
    Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(BOM + text)])),
    { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) },
  );
}
