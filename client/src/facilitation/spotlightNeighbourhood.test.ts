import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addOrganisation,
  addPerson,
  addProject,
  connect,
  DEFAULT_SETTINGS,
  readBoard,
} from '@interplay/shared';
import { boardPermissions } from '../canvas/editing/boardPermissions.ts';
import { spotlightNeighbourhood } from './spotlightNeighbourhood.ts';

function board() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'A', sector: 'municipality', position: { x: 0, y: 0 } });
  const b = addOrganisation(doc, { name: 'B', sector: 'care', position: { x: 300, y: 0 } });
  const c = addOrganisation(doc, { name: 'C', sector: 'care', position: { x: 600, y: 0 } });
  const d = addOrganisation(doc, { name: 'D', sector: 'other', position: { x: 0, y: 300 } });
  const anna = addPerson(doc, { name: 'Anna', organisationId: a, position: { x: 0, y: 120 } });
  const ab = connect(doc, { source: a, target: b });
  const bc = connect(doc, { source: b, target: c });
  const project = addProject(doc, { name: 'P', memberIds: [c, d] });
  return { snapshot: readBoard(doc), a, b, c, d, anna, ab, bc, project };
}

describe('spotlightNeighbourhood', () => {
  it('lights an organisation, its related nodes and relationships, and its people', () => {
    const { snapshot, a, b, c, d, anna, ab, bc } = board();
    const lit = spotlightNeighbourhood(snapshot, [a]);
    expect([...lit.nodes].sort()).toEqual([a, anna, b].sort());
    expect(lit.edges.has(ab!)).toBe(true);
    expect(lit.edges.has(bc!)).toBe(false);
    expect(lit.edges.has(`affiliation:${anna}`)).toBe(true);
    expect(lit.nodes.has(c) || lit.nodes.has(d)).toBe(false);
  });

  it('lights a project with its members and the relationships among them; a person brings their organisation', () => {
    const { snapshot, a, c, d, anna, project, bc } = board();
    const lit = spotlightNeighbourhood(snapshot, [project, anna, 'deleted-id']);
    expect(lit.projects.has(project)).toBe(true);
    expect(lit.nodes.has(c) && lit.nodes.has(d) && lit.nodes.has(a) && lit.nodes.has(anna)).toBe(true);
    expect(lit.edges.has(bc!)).toBe(false);
  });
});

describe('boardPermissions', () => {
  it('explains why a participant may not act', () => {
    const phase = boardPermissions('editor', { ...DEFAULT_SETTINGS, phase: 'organisations' });
    expect(phase.add.person).toBe(false);
    expect(phase.why('person')).toBe('facilitation.why.phase.person');
    expect(phase.why('organisation')).toBeNull();
    const locked = boardPermissions('editor', { ...DEFAULT_SETTINGS, layoutLocked: true });
    expect(locked.why('move')).toBe('facilitation.why.layoutLocked');
    expect(
      boardPermissions('facilitator', { ...DEFAULT_SETTINGS, boardLocked: true }).why('edit'),
    ).toBeNull();
    expect(boardPermissions('viewer', DEFAULT_SETTINGS).why('edit')).toBe('facilitation.why.viewer');
  });
});
