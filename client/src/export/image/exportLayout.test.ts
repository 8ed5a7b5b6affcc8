import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '@interplay/shared';
import { LABEL_BOARD, writeTagOnPersonBoard } from '../../canvas/testing/labelBoards.ts';
import { PROJECT_LABEL } from '../../canvas/projects/projectAreaLayout.ts';
import type { Box } from '../../canvas/projects/projectShape.ts';
import { exportLabels } from './exportLabels.ts';
import { layoutBoard } from './exportLayout.ts';

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the export’s layout', () => {
  it('puts no project name tag on a card, a person or another tag (Kansrijk Leiden-Noord)', () => {
    const doc = new Y.Doc();
    writeTagOnPersonBoard(doc);
    const layout = layoutBoard(readBoard(doc), exportLabels('nl').sectors, 'nl', 40);
    const tags = layout.projects.map(({ project, label }) => ({
      name: project.name,
      box: {
        x: label.x - label.width / 2,
        y: label.y - PROJECT_LABEL.height / 2,
        width: label.width,
        height: PROJECT_LABEL.height,
      },
    }));
    expect(tags.map((tag) => tag.name).sort()).toEqual(
      [LABEL_BOARD.project, LABEL_BOARD.otherProject].sort(),
    );
    for (const tag of tags) {
      for (const node of layout.nodes.values()) expect(intersects(tag.box, node.box), tag.name).toBe(false);
    }
    expect(intersects(tags[0]!.box, tags[1]!.box)).toBe(false);
  });
});
