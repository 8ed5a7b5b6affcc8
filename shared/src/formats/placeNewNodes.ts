import type { BoardSnapshot } from '../board/types.ts';
import type { PlannedOrganisation, PlannedPerson, PlannedRelationship } from './importPlan.ts';
import { layoutNewNodes } from './layoutNewNodes.ts';
import type { LayoutLink } from './layoutNewNodes.ts';

interface PlacedNodes {
  readonly organisations: PlannedOrganisation[];
  readonly people: PlannedPerson[];
}

/**
 * Gives new nodes without a position in the file one from the layout, which
 * sees the board's nodes and links as well as the planned ones so new nodes
 * land near what they connect to.
 */
export function placeNewNodes(
  current: BoardSnapshot,
  organisations: readonly PlannedOrganisation[],
  people: readonly PlannedPerson[],
  relationships: readonly PlannedRelationship[],
): PlacedNodes {
  const positions = layoutNewNodes(
    [
      ...[...current.organisations.values(), ...current.people.values()].map((n) => ({
        key: n.id as string,
        position: n.position,
      })),
      ...organisations.map((o) => ({ key: o.key, position: o.laidOut ? null : o.position })),
      ...people.map((p) => ({ key: p.key, position: p.laidOut ? null : p.position })),
    ],
    [
      ...relationships.map((r): LayoutLink => ({ source: r.source, target: r.target })),
      ...[...current.relationships.values()].map((r): LayoutLink => ({ source: r.source, target: r.target })),
      ...people.flatMap((p): LayoutLink[] =>
        p.organisation ? [{ source: p.key, target: p.organisation }] : [],
      ),
    ],
  );
  const placed = <T extends { key: string; position: { x: number; y: number }; laidOut: boolean }>(
    item: T,
  ): T => (item.laidOut ? { ...item, position: positions.get(item.key) ?? item.position } : item);
  return { organisations: organisations.map(placed), people: people.map(placed) };
}
