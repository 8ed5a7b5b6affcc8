import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readBoard, readSharedView } from '@interplay/shared';
import { searchBoard } from '../search/searchBoard.ts';
import { buildInsightTestNetwork } from '../testing/insightTestNetwork.ts';
import { NO_FILTERS } from './filters.ts';
import { composeInsightView, PLAIN_INSIGHT_VIEW } from './insightView.ts';
import { neighbourhood } from './neighbourhood.ts';

const TODAY = '2026-12-01';
const doc = new Y.Doc();
const { id } = buildInsightTestNetwork(doc, TODAY);
const snapshot = readBoard(doc);

describe('search', () => {
  it('ignores case and accents and ranks a name’s start first', () => {
    expect(searchBoard(snapshot, 'Sleutels').map((hit) => hit.kind)).toEqual([
      'organisation',
      'relationship',
      'relationship',
    ]);
    expect(searchBoard(snapshot, 'sleutels')[0]?.name).toBe('Woonstichting De Sleutels');
    expect(searchBoard(snapshot, 'ggz')[0]?.name).toBe('GGZ Rivierduinen');
    expect(searchBoard(snapshot, 'RIVIÈRDUINEN')[0]?.name).toBe('GGZ Rivierduinen');
    expect(
      searchBoard(snapshot, 'leiden')
        .map((hit) => hit.name)
        .slice(0, 2),
    ).toEqual(['Bibliotheek Leiden', 'Gemeente Leiden']);
  });

  it('finds projects by theme and relationships by their ends', () => {
    const zorg = searchBoard(snapshot, 'zorg');
    expect(zorg.find((hit) => hit.name === 'Thuis in Leiden')).toMatchObject({
      field: 'theme',
      context: 'zorg',
    });
    expect(searchBoard(snapshot, 'Welzijn').some((hit) => hit.kind === 'relationship')).toBe(true);
  });
});

describe('the insight view on the map', () => {
  it('shows everything under the plain view', () => {
    const view = composeInsightView(snapshot, PLAIN_INSIGHT_VIEW, null, TODAY);
    expect(view.dimmed.size + view.hidden.size).toBe(0);
    expect(view.counts.organisations).toEqual([8, 8]);
  });

  it('filters by sector: matching organisations, their people and the lines between them', () => {
    const filters = { ...NO_FILTERS, sectors: ['housing' as const, 'municipality' as const] };
    const view = composeInsightView(snapshot, { ...PLAIN_INSIGHT_VIEW, filters }, null, TODAY);
    expect(view.counts).toEqual({ organisations: [2, 8], people: [2, 4], relationships: [2, 12] });
    expect(view.dimmed.has(id('C'))).toBe(true);
    expect(view.dimmed.has(id('r1'))).toBe(false);
    const hidden = composeInsightView(
      snapshot,
      { ...PLAIN_INSIGHT_VIEW, filters, mode: 'hide' },
      null,
      TODAY,
    );
    expect(hidden.hidden.has(id('C'))).toBe(true);
    expect(hidden.dimmed.size).toBe(0);
  });

  it('filters relationships by maintenance and strength, keeping their ends', () => {
    const filters = { ...NO_FILTERS, maintenance: ['stale' as const] };
    const view = composeInsightView(snapshot, { ...PLAIN_INSIGHT_VIEW, filters }, null, TODAY);
    expect(view.counts.relationships).toEqual([2, 12]);
    expect(view.counts.organisations).toEqual([3, 8]); // A, C and D
    const weak = { ...NO_FILTERS, strength: [1, 1] as const };
    expect(
      composeInsightView(snapshot, { ...PLAIN_INSIGHT_VIEW, filters: weak }, null, TODAY).counts
        .relationships,
    ).toEqual([1, 12]);
  });

  it('shows a neighbourhood at one and two steps', () => {
    expect([...neighbourhood(snapshot, id('D'), 1)].sort()).toEqual(
      [id('A'), id('C'), id('D'), id('E'), id('F')].sort(),
    );
    expect(neighbourhood(snapshot, id('D'), 2).has(id('B'))).toBe(true);
    expect(neighbourhood(snapshot, id('G'), 2).size).toBe(1);
  });

  it('fades all but a highlighted relationship and its ends', () => {
    const view = composeInsightView(snapshot, { ...PLAIN_INSIGHT_VIEW, highlight: [id('r4')] }, null, TODAY);
    expect(view.dimmed.has(id('A'))).toBe(false);
    expect(view.dimmed.has(id('D'))).toBe(false);
    expect(view.dimmed.has(id('r1'))).toBe(true);
    expect(view.dimmed.has(id('B'))).toBe(true);
  });
});

describe('a shared view from presence', () => {
  it('keeps what is valid and drops the rest', () => {
    expect(readSharedView(null)).toBeNull();
    expect(
      readSharedView({
        filters: {
          sectors: ['housing', 'castle'],
          strength: [2, 9],
          health: [3, 8],
          maintenance: ['stale', 1],
        },
        mode: 'hide',
        neighbourhood: { nodeId: 'x', steps: 3 },
        highlight: ['a', 7],
      }),
    ).toEqual({
      filters: { ...NO_FILTERS, sectors: ['housing'], health: [3, 8], maintenance: ['stale'] },
      mode: 'hide',
      neighbourhood: null,
      highlight: ['a'],
    });
  });
});
