import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import type { Position } from '@interplay/shared';
import { computeFigures } from '../figures/computeFigures.ts';
import { buildInsightTestNetwork } from '../testing/insightTestNetwork.ts';
import { forceLayout } from './forceLayout.ts';

const doc = new Y.Doc();
buildInsightTestNetwork(doc, '2026-12-01');
const snapshot = readBoard(doc);
const groups = computeFigures(snapshot, '2026-12-01').clusters.groups;

const distance = (a: Position, b: Position): number => Math.hypot(a.x - b.x, a.y - b.y);

/** Mean distance between members of one cluster, over the mean distance between members of different ones. */
function separation(positions: Map<string, Position>): number {
  const within: number[] = [];
  const between: number[] = [];
  groups.forEach((members, i) =>
    groups.forEach((others, j) => {
      for (const a of members)
        for (const b of others)
          if (a < b) (i === j ? within : between).push(distance(positions.get(a)!, positions.get(b)!));
    }),
  );
  const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
  return mean(within) / mean(between);
}

describe('laying the map out', () => {
  it('arranged by cluster, keeps each cluster together and apart from the others', () => {
    expect(groups.length).toBeGreaterThanOrEqual(2);
    const clustered = forceLayout(snapshot, 'clusters');
    expect(separation(clustered)).toBeLessThan(0.6);
    expect(separation(clustered)).toBeLessThan(separation(forceLayout(snapshot, 'force')));
  });

  it('moves every organisation and person, keeps cards apart, and stays where the map was', () => {
    for (const mode of ['force', 'clusters'] as const) {
      const laid = forceLayout(snapshot, mode);
      const nodes = [...snapshot.organisations.values(), ...snapshot.people.values()];
      expect(laid.size).toBe(nodes.length);
      const centre = (positions: Position[]): Position => ({
        x: positions.reduce((sum, p) => sum + p.x, 0) / positions.length,
        y: positions.reduce((sum, p) => sum + p.y, 0) / positions.length,
      });
      const before = centre(nodes.map((node) => node.position));
      const after = centre(nodes.map((node) => laid.get(node.id)!));
      expect(distance(before, after)).toBeLessThan(400);
      const organisations = [...snapshot.organisations.keys()].map((id) => laid.get(id)!);
      for (const [i, a] of organisations.entries())
        for (const b of organisations.slice(i + 1)) expect(distance(a, b), mode).toBeGreaterThan(100);
    }
  });
});
