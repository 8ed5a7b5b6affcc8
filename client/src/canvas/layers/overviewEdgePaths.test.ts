import { describe, expect, it } from 'vitest';
import type { NodeBox } from '../edges/floatingGeometry.ts';
import { KIND_COLOURS, strengthWidth } from '../../theme/relationshipStyle.ts';
import type { BoardFlowEdge } from '../view/flowTypes.ts';
import { overviewEdgePaths } from './overviewEdgePaths.ts';

const node = (id: string, type: 'organisation' | 'person', x: number, y: number) =>
  ({ id, type, x, y, width: 200, height: 60 }) as NodeBox;

const lookup = new Map([
  ['a', node('a', 'organisation', 0, 0)],
  ['b', node('b', 'organisation', 1000, 0)],
  ['p', node('p', 'person', 0, 300)],
]);

const relationship = (id: string, source: string, target: string, direction: string) =>
  ({
    id,
    type: 'relationship',
    source,
    target,
    data: {
      lane: 0,
      colour: KIND_COLOURS.collaboration,
      relationship: { id, kind: 'collaboration', strength: 3, direction },
    },
  }) as unknown as BoardFlowEdge;

describe('overview edge paths', () => {
  it('batches lines by colour and width, with arrowheads, and skips edges whose nodes are missing', () => {
    const groups = overviewEdgePaths(
      [
        relationship('r1', 'a', 'b', 'oneWay'),
        relationship('r2', 'b', 'a', 'none'),
        relationship('r3', 'a', 'gone', 'none'),
        { id: 'aff', type: 'affiliation', source: 'p', target: 'a' } as BoardFlowEdge,
      ],
      (id) => lookup.get(id),
    );
    expect(groups).toHaveLength(2);
    const lines = groups.find((group) => group.colour === KIND_COLOURS.collaboration);
    expect(lines?.width).toBe(strengthWidth(3));
    // Two lines in one path; one arrowhead (r1 is one way).
    expect(lines?.d.match(/M /g)).toHaveLength(2);
    expect(lines?.arrows.match(/Z/g)).toHaveLength(1);
    const affiliation = groups.find((group) => group.colour === '#64748b');
    expect(affiliation?.d.match(/M /g)).toHaveLength(1);
    expect(affiliation?.arrows).toBe('');
  });
});
