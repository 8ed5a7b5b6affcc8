import type { BoardSnapshot } from '@interplay/shared';
import { shortId } from './CommandLog.ts';

const SECTIONS = [
  'organisations',
  'people',
  'projects',
  'relationships',
  'annotations',
  'health',
  'giveTake',
] as const;

type Section = (typeof SECTIONS)[number];
/** A snapshot as plain data: each section an object keyed by id (sorted), settings as they are. */
export type CanonicalBoard = Record<Section, Record<string, unknown>> & { settings: unknown };

function sortedObject(map: ReadonlyMap<string, unknown>): Record<string, unknown> {
  return Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Plain, ordered data, so two snapshots compare by their {@link stableJson}. */
export function canonicalBoard(board: BoardSnapshot): CanonicalBoard {
  const sections = Object.fromEntries(
    SECTIONS.map((s) => [s, sortedObject(board[s] as ReadonlyMap<string, unknown>)]),
  ) as Record<Section, Record<string, unknown>>;
  return { ...sections, settings: board.settings };
}

/**
 * JSON with object keys sorted: the reader builds some objects (a scorer's dimensions) in
 * the order the keys arrived, which differs from client to client for the same content.
 */
export function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    ) ?? 'undefined'
  );
}

function clip(value: unknown, max = 300): string {
  const text = stableJson(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

type Plain = Record<string, unknown>;

const isPlain = (v: unknown): v is Plain => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasIds = (v: unknown): v is Array<{ id: string }> =>
  Array.isArray(v) && v.every((e) => isPlain(e) && typeof e.id === 'string');

/** What differs inside one entity: its differing fields; for lists of things with ids (messages), which ids. */
function fieldDiff(expected: Plain, actual: Plain): string {
  const parts: string[] = [];
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const a = expected[key];
    const b = actual[key];
    if (stableJson(a) === stableJson(b)) continue;
    if (hasIds(a) && hasIds(b)) {
      const left = new Map(a.map((e) => [e.id, stableJson(e)]));
      const right = new Map(b.map((e) => [e.id, stableJson(e)]));
      const only = (x: Map<string, string>, y: Map<string, string>) =>
        [...x.keys()].filter((id) => !y.has(id)).map((id) => clip(JSON.parse(x.get(id)!), 120));
      const changed = [...left.keys()].filter((id) => right.has(id) && left.get(id) !== right.get(id));
      parts.push(
        `${key}: only expected [${only(left, right).join(', ')}] only actual [${only(right, left).join(', ')}]` +
          (changed.length > 0 ? ` changed [${changed.map(shortId).join(' ')}]` : ''),
      );
    } else {
      parts.push(`${key}: expected ${clip(a, 120)} got ${clip(b, 120)}`);
    }
  }
  return parts.join('; ');
}

/**
 * Where `actual` differs from `expected`, one line per entity (or `settings`):
 * `people 1a2b3c: only in expected …`, or the fields that differ. Empty when equal.
 */
export function diffBoards(expected: CanonicalBoard, actual: CanonicalBoard, limit = 20): string[] {
  const lines: string[] = [];
  if (stableJson(expected.settings) !== stableJson(actual.settings)) {
    lines.push(`settings: expected ${clip(expected.settings)}, got ${clip(actual.settings)}`);
  }
  for (const section of SECTIONS) {
    const a = expected[section];
    const b = actual[section];
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const left = a[id];
      const right = b[id];
      if (stableJson(left) === stableJson(right)) continue;
      const where = `${section} ${shortId(id)}`;
      if (left === undefined) lines.push(`${where}: only in actual ${clip(right)}`);
      else if (right === undefined) lines.push(`${where}: only in expected ${clip(left)}`);
      else if (isPlain(left) && isPlain(right)) lines.push(`${where}: ${fieldDiff(left, right)}`);
      else lines.push(`${where}: expected ${clip(left)} got ${clip(right)}`);
    }
  }
  return lines.length > limit ? [...lines.slice(0, limit), `… ${lines.length - limit} more`] : lines;
}
