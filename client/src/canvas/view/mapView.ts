import type { Organisation, Person } from '@interplay/shared';

/**
 * What the map shows of a board state: the second input of the pipeline
 * (`deriveFlow`) that turns a board state into what the canvas draws. The
 * live board page shows everything by name, coloured by kind or health;
 * filters, search, an anonymised or a past map are other views.
 */
export interface MapView {
  /** Organisations, people and relationships not drawn at all; a hidden node's lines go with it. */
  readonly hidden: ReadonlySet<string>;
  /** Organisations, people and relationships drawn faded. */
  readonly dimmed: ReadonlySet<string>;
  /** The name a node is labelled with; null: its own name. */
  readonly label: ((node: Organisation | Person) => string) | null;
  /** How relationships are coloured: by kind, or by their mean health (grey when unscored). */
  readonly colouring: 'kind' | 'health';
  /** What a screen reader announces for a relationship, from its ends' names (in the page's language). */
  readonly relationshipLabel: (sourceName: string, targetName: string) => string;
  /** A colour ring around some organisations and people (e.g. their cluster); null: none. */
  readonly rings: ReadonlyMap<string, string> | null;
}

const NONE: ReadonlySet<string> = new Set();

/** Everything, by name, coloured by kind. */
export const FULL_VIEW: MapView = {
  hidden: NONE,
  dimmed: NONE,
  label: null,
  colouring: 'kind',
  relationshipLabel: (source, target) => `${source} – ${target}`,
  rings: null,
};

/** A view that differs from `FULL_VIEW` only in what `changes` says. */
export function mapView(changes: Partial<MapView>): MapView {
  return { ...FULL_VIEW, ...changes };
}
