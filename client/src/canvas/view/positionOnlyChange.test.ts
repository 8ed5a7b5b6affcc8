import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOrganisation,
  addPerson,
  addProject,
  moveNodes,
  observeBoard,
  updateOrganisation,
} from '@interplay/shared';
import type { BoardSnapshot, NodeId } from '@interplay/shared';
import { positionOnlyChange } from './positionOnlyChange.ts';
import { MOVING_LIMIT } from '../layers/movingNodes.ts';

function board() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
  const person = addPerson(doc, { name: 'P', organisationId: a, position: { x: 0, y: 100 } });
  let last: BoardSnapshot | null = null;
  const stop = observeBoard(doc, (snapshot) => {
    last = snapshot;
  });
  const current = (): BoardSnapshot => last as unknown as BoardSnapshot;
  return { doc, a, person, current, stop };
}

describe('positionOnlyChange', () => {
  it('lists the nodes that only moved', () => {
    const { doc, a, person, current, stop } = board();
    const before = current();
    moveNodes(doc, [
      { id: a, position: { x: 5, y: 6 } },
      { id: person, position: { x: 7, y: 8 } },
    ]);
    expect(positionOnlyChange(before, current())).toEqual([
      { id: a, position: { x: 5, y: 6 } },
      { id: person, position: { x: 7, y: 8 } },
    ]);
    stop();
  });

  it('is null when anything else changed, nothing changed, or too many nodes moved', () => {
    const { doc, a, current, stop } = board();
    const before = current();
    expect(positionOnlyChange(before, before)).toBeNull();
    updateOrganisation(doc, a, { name: 'A2' });
    expect(positionOnlyChange(before, current())).toBeNull();
    const renamed = current();
    addProject(doc, { name: 'X', memberIds: [a] });
    expect(positionOnlyChange(renamed, current())).toBeNull();
    const withProject = current();
    addOrganisation(doc, { name: 'B', sector: 'care', position: { x: 400, y: 0 } });
    expect(positionOnlyChange(withProject, current())).toBeNull();
    const many: NodeId[] = [];
    for (let i = 0; i <= MOVING_LIMIT; i++) {
      many.push(addOrganisation(doc, { name: `N${i}`, sector: 'care', position: { x: i * 300, y: 500 } }));
    }
    const added = current();
    moveNodes(
      doc,
      many.map((id, i) => ({ id, position: { x: i * 300, y: 600 } })),
    );
    expect(positionOnlyChange(added, current())).toBeNull();
    stop();
  });
});
