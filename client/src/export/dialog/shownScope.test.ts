import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { mapView } from '../../canvas/view/mapView.ts';
import { buildInsightTestNetwork } from '../../insight/testing/insightTestNetwork.ts';
import { shownScope } from './shownScope.ts';

const doc = new Y.Doc();
const { id } = buildInsightTestNetwork(doc, '2026-12-01');
const snapshot = readBoard(doc);

describe('an image as shown', () => {
  it('is the whole map when the view neither hides nor fades anything', () => {
    expect(shownScope(snapshot, mapView({}))).toBeNull();
  });

  it('keeps what the map draws, and fades what it fades: a line with either faded end too', () => {
    const view = mapView({ dimmed: new Set([id('G'), id('H'), id('r2')]), hidden: new Set([id('r1')]) });
    const scope = shownScope(snapshot, view)!;
    const kept = new Set(scope.ids);
    const faded = new Set(scope.faded);
    expect(kept.has(id('A')) && !faded.has(id('A'))).toBe(true);
    expect(kept.has(id('G')) && faded.has(id('G'))).toBe(true);
    expect(kept.has(id('r1'))).toBe(false);
    expect(kept.has(id('r9')) && faded.has(id('r9'))).toBe(true); // F–H: its end H is faded
    expect(kept.has(id('r2')) && faded.has(id('r2'))).toBe(true);
  });

  it('is the whole map, notes included, with faded parts when the view only fades', () => {
    const scope = shownScope(snapshot, mapView({ dimmed: new Set([id('G')]) }))!;
    expect(scope.ids).toBeNull();
    expect(new Set(scope.faded).has(id('G'))).toBe(true);
  });

  it('leaves out what the map hides, with the lines of a hidden node', () => {
    const scope = shownScope(snapshot, mapView({ hidden: new Set([id('H')]) }))!;
    expect(scope.ids).not.toContain(id('H'));
    expect(scope.ids).not.toContain(id('r9'));
    expect(scope.faded).toEqual([]);
  });
});
