import type { BoardSnapshot } from '../board/types.ts';
import type { PlannedOrganisation, PlannedPerson, PlannedRelationship } from './importPlan.ts';
import { layoutNewNodes } from './layoutNewNodes.ts';
import type { LayoutLink } from './layoutNewNodes.ts';

/**
 * What a card takes on the map, estimated without fonts (the page measures the real size): organisation
 * cards are 200–280 px wide and 64 px tall or more (a name on two or three lines); a person's circle and
 * name take 140 × 100. Generous, so estimates that are kept apart are apart on the map too.
 */
const PERSON = { width: 140, height: 100 } as const;
function organisationFootprint(name: string): { width: number; height: number } {
  const width = Math.min(280, Math.max(200, 80 + name.length * 9.5));
  const lines = Math.min(3, Math.ceil((name.length * 9.5) / (width - 74)));
  return { width, height: 44 + lines * 20 };
}

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
      ...[...current.organisations.values()].map((o) => ({
        key: o.id as string,
        position: o.position,
        size: organisationFootprint(o.name),
      })),
      ...[...current.people.values()].map((p) => ({
        key: p.id as string,
        position: p.position,
        size: PERSON,
      })),
      ...organisations.map((o) => ({
        key: o.key,
        position: o.laidOut ? null : o.position,
        size: organisationFootprint(o.name),
      })),
      ...people.map((p) => ({ key: p.key, position: p.laidOut ? null : p.position, size: PERSON })),
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
