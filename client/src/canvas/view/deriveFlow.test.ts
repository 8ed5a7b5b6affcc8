import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOrganisation,
  addPerson,
  addProject,
  connect,
  observeBoard,
  readBoard,
  scoreHealth,
  updateOrganisation,
} from '@interplay/shared';
import type { BoardSnapshot } from '@interplay/shared';
import { healthColour } from '../../theme/healthColour.ts';
import { KIND_COLOURS } from '../../theme/relationshipStyle.ts';
import { deriveEdges, deriveFlow } from './deriveFlow.ts';
import type { DerivedFlow } from './deriveFlow.ts';
import { DIMMED_CLASS } from './flowTypes.ts';
import { FULL_VIEW, mapView } from './mapView.ts';

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

/** A small board built with the model's commands: two organisations, a person, a line, a project. */
function board() {
  const doc = new Y.Doc();
  const a = addOrganisation(doc, { name: 'Gemeente', sector: 'municipality', position: { x: 0, y: 0 } });
  const b = addOrganisation(doc, { name: 'Woonstad', sector: 'housing', position: { x: 400, y: 0 } });
  const p = addPerson(doc, { name: 'Anna de Vries', organisationId: b, position: { x: 400, y: 150 } });
  const r = connect(doc, { source: a, target: b, kind: 'funding' });
  if (!r) throw new Error('no relationship');
  const project = addProject(doc, { name: 'Wijk', memberIds: [b, p] });
  return { doc, a, b, p, r, project, snapshot: readBoard(doc) };
}

const labels = (flow: DerivedFlow): string[] => flow.nodes.map((node) => node.data.label).sort();
const lines = (flow: DerivedFlow): string[] =>
  flow.edges.map((edge) => `${edge.type}:${edge.source}>${edge.target}`).sort();

describe('deriveFlow: a board state and a view become what the canvas draws', () => {
  it('draws every node by name and every line coloured by kind under the full view', () => {
    const { a, b, p, r, snapshot } = board();
    const flow = deriveFlow(snapshot, FULL_VIEW, null);
    expect(labels(flow)).toEqual(['Anna de Vries', 'Gemeente', 'Woonstad']);
    expect(lines(flow)).toEqual([`affiliation:${p}>${b}`, `relationship:${a}>${b}`]);
    const line = flow.edges.find((edge) => edge.id === r);
    expect(line?.type === 'relationship' && line.data?.colour).toBe(KIND_COLOURS.funding);
    expect(flow.nodes.some((node) => node.className === DIMMED_CLASS)).toBe(false);
    expect(flow.projects).toBe(snapshot.projects);
  });

  it('leaves out hidden nodes with their lines, and a project whose members are all hidden', () => {
    const { a, b, p, project, snapshot } = board();
    const flow = deriveFlow(snapshot, mapView({ hidden: new Set([b, p]) }), null);
    expect(flow.nodes.map((node) => node.id)).toEqual([a]);
    expect(flow.edges).toEqual([]);
    expect(flow.projects.has(project)).toBe(false);
  });

  it('fades dimmed nodes and the lines that touch them, and labels nodes as the view says', () => {
    const { a, b, p, r, snapshot } = board();
    const view = mapView({ dimmed: new Set([a]), label: (node) => `#${node.name.length}` });
    const flow = deriveFlow(snapshot, view, null);
    expect(labels(flow)).toEqual(['#13', '#8', '#8']);
    const faded = (id: string) =>
      [...flow.nodes, ...flow.edges].find((item) => item.id === id)?.className === DIMMED_CLASS;
    expect([faded(a), faded(b), faded(p), faded(r)]).toEqual([true, false, false, true]);
  });

  it('colours lines by health under a health view, grey while unscored', () => {
    const { doc, r } = board();
    const unscored = deriveFlow(readBoard(doc), mapView({ colouring: 'health' }), null);
    const colour = (flow: DerivedFlow) => {
      const line = flow.edges.find((edge) => edge.id === r);
      return line?.type === 'relationship' ? line.data?.colour : undefined;
    };
    expect(colour(unscored)).toBe(healthColour(null));
    scoreHealth(doc, r, { id: 'scorer', name: 'S' }, 'trust', 9);
    const scored = deriveFlow(readBoard(doc), mapView({ colouring: 'health' }), unscored);
    expect(colour(scored)).toBe(healthColour(9));
  });

  it('keeps the objects of unchanged nodes and lines from the previous result', () => {
    const { doc, a, b, r } = board();
    // Successive snapshots share unchanged entities (`observeBoard`), as the live board's do.
    const snapshots: BoardSnapshot[] = [];
    const stop = observeBoard(doc, (snapshot) => snapshots.push(snapshot));
    const first = deriveFlow(snapshots.at(-1)!, FULL_VIEW, null);
    updateOrganisation(doc, a, { name: 'Gemeente Rotterdam' });
    const next = deriveFlow(snapshots.at(-1)!, FULL_VIEW, first);
    stop();
    const byId = (flow: DerivedFlow, id: string) => flow.nodes.find((node) => node.id === id);
    expect(byId(next, b)).toBe(byId(first, b));
    expect(byId(next, a)).not.toBe(byId(first, a));
    expect(next.edges.find((edge) => edge.id === r)).toBe(first.edges.find((edge) => edge.id === r));
  });
});
