import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addOrganisation, connect, observeBoard } from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import { deriveEdges } from './deriveFlow.ts';

function snapshotOf(doc: Y.Doc): BoardSnapshot {
  let snapshot: BoardSnapshot | null = null;
  observeBoard(doc, (s) => (snapshot ??= s))();
  if (!snapshot) throw new Error('no snapshot');
  return snapshot;
}

/** Each relationship's lane seen from the lower node id (an edge's own lane is in its source→target orientation). */
const lanesOf = (snapshot: BoardSnapshot): Record<string, number> =>
  Object.fromEntries(
    deriveEdges(snapshot, new Map()).flatMap((edge) =>
      edge.type === 'relationship' && edge.data
        ? [[edge.id, edge.source < edge.target ? edge.data.lane : -edge.data.lane]]
        : [],
    ),
  );

describe('deriveEdges', () => {
  it('bends parallel relationships apart the same way on every page, whatever order the document has', () => {
    const doc = new Y.Doc();
    const a = addOrganisation(doc, { name: 'A', sector: 'municipality', position: { x: 0, y: 0 } });
    const b = addOrganisation(doc, { name: 'B', sector: 'housing', position: { x: 300, y: 0 } });
    connect(doc, { source: a, target: b, kind: 'funding' });
    connect(doc, { source: b, target: a, kind: 'information' });
    connect(doc, { source: a, target: b, kind: 'tension' });
    const snapshot = snapshotOf(doc);
    // Another page holds the same relationships in another order.
    const elsewhere = { ...snapshot, relationships: new Map([...snapshot.relationships].reverse()) };

    const lanes = lanesOf(snapshot);
    expect(Object.values(lanes).sort()).toEqual([-1, 0, 1]);
    expect(lanesOf(elsewhere)).toEqual(lanes);
  });
});
