import { useMemo } from 'react';
import type { XYPosition } from '@xyflow/react';
import type { Project } from '@interplay/shared';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { nodeBox } from '../view/nodeBox.ts';
import { enclosedOutsiders, outsiderFrame } from './enclosedOutsiders.ts';
import type { Box, ProjectShape } from './projectShape.ts';

export interface AreaOutsider {
  readonly id: string;
  readonly name: string;
  /** The frame cut out of the area around it. */
  readonly frame: Box;
}

/**
 * For each area (in the areas' order), the cards and people it takes in that are not its members
 * (`enclosedOutsiders`), with live positions during a drag.
 */
export function useAreaOutsiders(
  areas: ReadonlyArray<{ readonly project: Project; readonly shape: ProjectShape | null }>,
  nodes: readonly BoardFlowNode[],
  live: ReadonlyMap<string, XYPosition> | null,
): ReadonlyArray<readonly AreaOutsider[]> {
  return useMemo(() => {
    const boxed = nodes.map((node) => ({
      id: node.id,
      name: node.data.label,
      box: nodeBox(node, live),
      organisationId: node.type === 'person' ? node.data.person.organisationId : null,
    }));
    return areas.map(({ project, shape }) =>
      shape
        ? enclosedOutsiders(shape.outline, new Set<string>(project.memberIds), boxed).map((node) => ({
            id: node.id,
            name: node.name,
            frame: outsiderFrame(node.box),
          }))
        : [],
    );
  }, [areas, nodes, live]);
}
