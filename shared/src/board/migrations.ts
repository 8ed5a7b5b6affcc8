/**
 * The board document's numbered migrations, and the one function that runs them.
 *
 * Where migration runs: on the server, when a room loads a board from storage (`Room.load`), after its
 * update listener is registered and before any connection is answered. It is then an ordinary update of the
 * server's own (committed, relayed, stored, folded into snapshots like any other), so every page receives
 * the board already migrated and no page ever migrates. A new board, empty or started from a file, is
 * stored at the current version to begin with (`newBoardState.ts`), so only boards from before a version
 * change are ever migrated.
 *
 * The guard treats `meta` as facilitator-only (`changeRules.ts`): participants' and viewers' writes to it are
 * reverted, while a facilitator's updates are applied unchecked as ever, and no page writes it.
 *
 * Every step must be deterministic and idempotent: two servers loading the same old board at once (a
 * future scale-out), or a step run again after a crash between its write and the version's, must end in
 * the same document. Writing the same value twice merges to that value; a step that creates a nested Yjs
 * type would merge to only one of the concurrent copies, so such a step must create it only where none
 * exists and fill it identically.
 */
import * as Y from 'yjs';
import {
  BOARD_SCHEMA_VERSION,
  ENTITY_KINDS,
  recordSchemaVersion,
  storedSchemaVersion,
  tryCollection,
} from './document.ts';
import type { EntityKind, EntityMap } from './document.ts';
import { organisationMigrations } from './records/organisation.ts';
import { personMigrations } from './records/person.ts';
import { projectMigrations } from './records/project.ts';
import type { RecordMigration } from './records/recordMigration.ts';
import { relationshipMigrations } from './records/relationship.ts';

/** A step of the document as a whole (top-level names, flat keys…); records have their own steps. */
export interface DocumentMigration {
  readonly version: number;
  /** What changed, in a sentence. */
  readonly why: string;
  readonly up: (doc: Y.Doc) => void;
}

/** Every migration the code knows, by what it migrates; versions run oldest first. */
export interface BoardMigrations {
  readonly document: readonly DocumentMigration[];
  readonly records: Readonly<Record<EntityKind, readonly RecordMigration[]>>;
}

export const BOARD_MIGRATIONS: BoardMigrations = {
  document: [
    {
      version: 2,
      why: 'the document records its schema version in `meta`; nothing else changed',
      up: () => undefined,
    },
  ],
  records: {
    organisation: organisationMigrations,
    person: personMigrations,
    project: projectMigrations,
    relationship: relationshipMigrations,
  },
};

/** The origin of the migration's transaction (no page's undo tracks it). */
export const migrationOrigin: { readonly name: 'interplay.migration' } = Object.freeze({
  name: 'interplay.migration',
});

function runRecordSteps(doc: Y.Doc, kind: EntityKind, steps: readonly RecordMigration[]): void {
  if (steps.length === 0) return;
  const entities = tryCollection(doc, kind);
  if (entities === null) return;
  for (const value of entities.values()) {
    if (!(value instanceof Y.Map)) continue;
    for (const step of steps) step.up(value as EntityMap);
  }
}

/** What `migrateBoard` did: the version it found and the one the document records now. */
export interface MigrationResult {
  readonly from: number;
  readonly to: number;
}

/**
 * Brings `doc` up to `target` (normally this code's {@link BOARD_SCHEMA_VERSION}) in one transaction, and
 * records the version. A document at that version or newer (written by a newer server) is left alone.
 * WARNING: throws when a hostile client defined `meta` or a collection as another Yjs type; the caller keeps
 * serving the board unmigrated (readers cope with any version).
 */
export function migrateBoard(
  doc: Y.Doc,
  migrations: BoardMigrations = BOARD_MIGRATIONS,
  target: number = BOARD_SCHEMA_VERSION,
): MigrationResult {
  const from = storedSchemaVersion(doc);
  if (from >= target) return { from, to: from };
  doc.transact(() => {
    for (let version = from + 1; version <= target; version++) {
      for (const step of migrations.document) if (step.version === version) step.up(doc);
      for (const kind of ENTITY_KINDS) {
        runRecordSteps(
          doc,
          kind,
          migrations.records[kind].filter((step) => step.version === version),
        );
      }
    }
    recordSchemaVersion(doc, target);
  }, migrationOrigin);
  return { from, to: target };
}
