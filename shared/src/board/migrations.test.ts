/**
 * Opening an older document migrates it: the stored v1 board (`testing/v1Board.ts`) reads the same before
 * and after, records the current version, and migrating is idempotent and merges safely when two copies of
 * the same old board are migrated at once.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from './read.ts';
import { BOARD_SCHEMA_VERSION, META_KEY, SCHEMA_VERSION_FIELD, storedSchemaVersion } from './document.ts';
import { BOARD_MIGRATIONS, migrateBoard } from './migrations.ts';
import type { BoardMigrations } from './migrations.ts';
import { slotMeaning, missingNeed } from './changeRules.ts';
import { DEFAULT_SETTINGS } from './records/settings.ts';
import { v1BoardUpdate } from './testing/v1Board.ts';
import type { OrganisationId } from './types.ts';

function openV1(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, v1BoardUpdate());
  return doc;
}

describe('migrateBoard', () => {
  it('brings the stored v1 board to the current version without changing what it shows', () => {
    const doc = openV1();
    expect(storedSchemaVersion(doc)).toBe(1);
    const before = readBoard(doc);
    expect([...before.organisations.values()].map((o) => o.name)).toEqual([
      'Gemeente Zwolle',
      'Woonstichting De Veste',
      'Zorggroep IJsselheem',
    ]);
    expect(before.people.size + before.projects.size + before.relationships.size).toBe(5);
    expect(before.settings).toMatchObject({ layoutLocked: true, phase: 'relationships', staleAfterDays: 90 });
    expect(before.annotations.size).toBe(2);

    expect(migrateBoard(doc)).toEqual({ from: 1, to: BOARD_SCHEMA_VERSION });
    expect(storedSchemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(readBoard(doc)).toEqual(before);
  });

  it('is idempotent: a migrated board is left alone, not even an empty update', () => {
    const doc = openV1();
    migrateBoard(doc);
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(migrateBoard(doc)).toEqual({ from: BOARD_SCHEMA_VERSION, to: BOARD_SCHEMA_VERSION });
    expect(updates).toEqual([]);
  });

  it('merges when two copies of the same old board are migrated at once', () => {
    const a = openV1();
    const b = openV1();
    migrateBoard(a);
    migrateBoard(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    expect(storedSchemaVersion(a)).toBe(BOARD_SCHEMA_VERSION);
    expect(storedSchemaVersion(b)).toBe(BOARD_SCHEMA_VERSION);
    expect(readBoard(a)).toEqual(readBoard(b));
    expect(a.getMap(META_KEY).toJSON()).toEqual(b.getMap(META_KEY).toJSON());
  });

  it('stamps a new, empty board', () => {
    const doc = new Y.Doc();
    migrateBoard(doc);
    expect(storedSchemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION);
    expect(readBoard(doc).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves a board of a newer version alone, and treats a broken version as none', () => {
    const newer = new Y.Doc();
    newer.getMap(META_KEY).set(SCHEMA_VERSION_FIELD, BOARD_SCHEMA_VERSION + 1);
    expect(migrateBoard(newer)).toEqual({ from: BOARD_SCHEMA_VERSION + 1, to: BOARD_SCHEMA_VERSION + 1 });
    const broken = new Y.Doc();
    broken.getMap(META_KEY).set(SCHEMA_VERSION_FIELD, 'two');
    expect(storedSchemaVersion(broken)).toBe(1);
  });

  it("runs each version's document and record steps once, in order, for every entity", () => {
    const doc = openV1();
    const ran: string[] = [];
    const migrations: BoardMigrations = {
      document: [
        ...BOARD_MIGRATIONS.document,
        { version: 3, why: 'test', up: () => void ran.push('document 3') },
      ],
      records: {
        ...BOARD_MIGRATIONS.records,
        organisation: [
          {
            version: 3,
            why: 'test: notes in upper case',
            up: (fields) => {
              const notes = fields.get('notes');
              if (typeof notes === 'string') fields.set('notes', notes.toUpperCase());
            },
          },
        ],
      },
    };
    expect(migrateBoard(doc, migrations, 3)).toEqual({ from: 1, to: 3 });
    expect(ran).toEqual(['document 3']);
    const zwolle = readBoard(doc).organisations.get('00000000-0000-4000-8000-000000000001' as OrganisationId);
    expect(zwolle?.notes).toBe('TREKKER');
    expect(migrateBoard(doc, migrations, 3)).toEqual({ from: 3, to: 3 });
    expect(ran).toHaveLength(1);
  });

  it('is the only writer of `meta`: the guard asks for the facilitator for any write there', () => {
    const meaning = slotMeaning(META_KEY, [SCHEMA_VERSION_FIELD]);
    expect(meaning).toEqual({ area: 'meta' });
    expect(missingNeed('editor', DEFAULT_SETTINGS, meaning, 'replace')).toBe('changeSettings');
    expect(missingNeed('viewer', DEFAULT_SETTINGS, meaning, 'insert')).toBe('changeSettings');
  });
});
