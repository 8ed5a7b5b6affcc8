import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addProject,
  connect,
  deleteEntities,
  moveNodes,
  observeBoard,
  readBoard,
  updateOrganisation,
} from '../index.ts';
import type { BoardSnapshot } from '../index.ts';

function setup() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'A', sector: 'care', position: { x: 0, y: 0 } });
  const b = addOrganisation(doc, { name: 'B', sector: 'welfare', position: { x: 100, y: 0 } });
  const c = addOrganisation(doc, { name: 'C', sector: 'business', position: { x: 200, y: 0 } });
  const p = addPerson(doc, { name: 'P', organisationId: a, position: { x: 0, y: 100 } });
  const r = connect(doc, { source: a, target: b })!;
  const project = addProject(doc, { name: 'Proj', memberIds: [a, c] });
  const snapshots: BoardSnapshot[] = [];
  const stop = observeBoard(doc, (s) => snapshots.push(s));
  return { doc, a, b, c, p, r, project, snapshots, stop };
}

describe('observeBoard', () => {
  it('emits the current snapshot at once, then one snapshot per transaction', () => {
    const { doc, a, b, snapshots } = setup();
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toEqual(readBoard(doc));
    moveNodes(doc, [
      { id: a, position: { x: 1, y: 1 } },
      { id: b, position: { x: 2, y: 2 } },
    ]);
    expect(snapshots).toHaveLength(2);
    doc.transact(() => {
      updateOrganisation(doc, a, { name: 'A1' });
      updateOrganisation(doc, a, { name: 'A2' });
    });
    expect(snapshots).toHaveLength(3);
    expect(snapshots[2]!.organisations.get(a)?.name).toBe('A2');
  });

  it('keeps identity of unchanged entities and collections; changed ones are new', () => {
    const { doc, a, b, c, p, r, project, snapshots } = setup();
    moveNodes(doc, [{ id: a, position: { x: 5, y: 5 } }]);
    const [before, after] = snapshots.slice(-2) as [BoardSnapshot, BoardSnapshot];
    expect(after.organisations.get(a)).not.toBe(before.organisations.get(a));
    expect(after.organisations.get(a)?.position).toEqual({ x: 5, y: 5 });
    expect(after.organisations.get(b)).toBe(before.organisations.get(b));
    expect(after.organisations.get(c)).toBe(before.organisations.get(c));
    expect(after.people).toBe(before.people);
    expect(after.people.get(p)).toBe(before.people.get(p));
    expect(after.relationships).toBe(before.relationships);
    expect(after.relationships.get(r)).toBe(before.relationships.get(r));
    expect(after.projects).toBe(before.projects);
    expect(after.projects.get(project)).toBe(before.projects.get(project));
  });

  it('re-derives only what a deletion affects', () => {
    const { doc, a, b, c, p, r, project, snapshots } = setup();
    const before = snapshots.at(-1)!;
    deleteEntities(doc, [c]);
    const after = snapshots.at(-1)!;
    expect(snapshots).toHaveLength(2);
    expect(after.organisations.has(c)).toBe(false);
    expect(after.organisations.get(a)).toBe(before.organisations.get(a));
    expect(after.organisations.get(b)).toBe(before.organisations.get(b));
    expect(after.people.get(p)).toBe(before.people.get(p));
    expect(after.relationships.get(r)).toBe(before.relationships.get(r));
    expect(after.projects.get(project)).not.toBe(before.projects.get(project));
    expect(after.projects.get(project)?.memberIds).toEqual([a]);
  });

  it('sees remote changes, including nested member edits, and agrees with a full read', () => {
    const { doc, a, b, project, snapshots } = setup();
    const remote = new Y.Doc();
    Y.applyUpdate(remote, Y.encodeStateAsUpdate(doc));
    deleteEntities(remote, [a]);
    addOrganisation(remote, { name: 'D', sector: 'health', position: { x: 0, y: 0 } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote, Y.encodeStateVector(doc)), 'provider');
    const last = snapshots.at(-1)!;
    expect(snapshots).toHaveLength(2);
    expect(last).toEqual(readBoard(doc));
    expect(last.relationships.size).toBe(0);
    expect(last.people.values().next().value?.organisationId).toBeNull();
    expect(last.projects.get(project)?.memberIds).not.toContain(a);
    expect(last.organisations.has(b)).toBe(true);
  });

  it('stops after unsubscribe and ignores transactions outside the board', () => {
    const { doc, a, snapshots, stop } = setup();
    doc.getMap('elsewhere').set('x', 1);
    expect(snapshots).toHaveLength(1);
    stop();
    moveNodes(doc, [{ id: a, position: { x: 9, y: 9 } }]);
    expect(snapshots).toHaveLength(1);
  });
});
