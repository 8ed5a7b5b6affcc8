import type { EntityMap } from '../document.ts';

/**
 * One numbered step in the stored layout of an entity record: `up` rewrites one entity's map from the
 * layout of `version - 1` to that of `version`. It runs on the server inside the board's migration
 * (`migrations.ts`), so it must be deterministic and idempotent: two servers migrating the same board, or a
 * step run twice, must write the same values.
 */
export interface RecordMigration {
  readonly version: number;
  /** What changed, in a sentence, for whoever reads the list. */
  readonly why: string;
  readonly up: (fields: EntityMap) => void;
}
