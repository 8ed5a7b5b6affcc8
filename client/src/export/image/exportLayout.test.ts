import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readBoard } from '@interplay/shared';
import {
  LABEL_BOARD,
  writeCrowdedTagBoard,
  writeOutsiderBoard,
  writeTagOnPersonBoard,
} from '../../canvas/testing/labelBoards.ts';
import { PROJECT_LABEL } from '../../canvas/projects/projectAreaLayout.ts';
import type { Box } from '../../canvas/projects/projectShape.ts';
import { exportLabels } from './exportLabels.ts';
import { layoutBoard } from './exportLayout.ts';
import { buildBoardSvg } from './buildBoardSvg.ts';

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

  it('cuts a dashed frame out of an area around a card it takes in without its being a member', () => {
    const doc = new Y.Doc();
    writeOutsiderBoard(doc);
    const board = readBoard(doc);
    const layout = layoutBoard(board, exportLabels('en').sectors, 'en', 40);
    const outsider = [...layout.nodes.values()].find(
      (node) => node.kind === 'organisation' && node.organisation.name === LABEL_BOARD.outsider,
    )!;
    const [area] = layout.projects;
    expect(area!.outsiders).toHaveLength(1);
    const frame = area!.outsiders[0]!;
    // Around the card, all of it.
    expect(frame.x).toBeLessThan(outsider.box.x);
    expect(frame.y).toBeLessThan(outsider.box.y);
    expect(frame.x + frame.width).toBeGreaterThan(outsider.box.x + outsider.box.width);
    expect(frame.y + frame.height).toBeGreaterThan(outsider.box.y + outsider.box.height);
    const svg = buildBoardSvg(board, { labels: exportLabels('en') });
    expect(svg.match(/class="ip-project-outsider"/g)).toHaveLength(1);
    expect(svg).toContain('stroke-dasharray="7 5"');
  });

  it('shortens a project’s name tag with an ellipsis where the whole tag fits nowhere', () => {
    const doc = new Y.Doc();
    writeCrowdedTagBoard(doc);
    const layout = layoutBoard(readBoard(doc), exportLabels('nl').sectors, 'nl', 40);
    const { label } = layout.projects[0]!;
    expect(label.text).not.toBe(LABEL_BOARD.crowdedProject);
    expect(label.text.endsWith('…')).toBe(true);
    expect(LABEL_BOARD.crowdedProject.startsWith(label.text.slice(0, -1))).toBe(true);
    const box = {
      x: label.x - label.width / 2,
      y: label.y - PROJECT_LABEL.height / 2,
      width: label.width,
      height: PROJECT_LABEL.height,
    };
    for (const node of layout.nodes.values()) expect(intersects(box, node.box)).toBe(false);
    expect(buildBoardSvg(readBoard(doc), { labels: exportLabels('nl') })).toContain(`>${label.text}</text>`);
  });
});
