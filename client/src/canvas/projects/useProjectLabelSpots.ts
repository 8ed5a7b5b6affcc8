import { useMemo, useRef, useState } from 'react';
import type { XYPosition } from '@xyflow/react';
import type { Project, ProjectId } from '@interplay/shared';
import type { BoardFlowNode } from '../view/flowTypes.ts';
import { PROJECT_LABEL, projectLabelWidth, shortProjectName } from './projectAreaLayout.ts';
import { nodeObstacle, placeProjectLabels } from './projectLabelPlacement.ts';
import type { PlacedLabel } from './projectLabelPlacement.ts';
import type { ProjectShape } from './projectShape.ts';
import { nodeBox } from '../view/nodeBox.ts';

/** A tag's place, and the name it shows there (shortened with an ellipsis where the whole tag fits nowhere). */
export interface LabelSpot extends PlacedLabel {
  readonly text: string;
}

export interface LabelSpots {
  /** Each area's tag centre, in the areas' order (null for an area without a shape). */
  readonly spots: ReadonlyArray<LabelSpot | null>;
  /** Give each tag's element here, so its drawn width (a comment badge makes it wider) is what is placed. */
  readonly measure: (id: ProjectId) => (element: HTMLElement | null) => void;
}

/** Drawn widths are kept by project and shown text: a shortened tag's width is not its whole one's. */
const drawnKey = (id: string, text: string): string => `${id}\u0000${text}`;

/**
 * Where the map puts each project's name tag (`placeProjectLabels`, as the export does): clear of every
 * node's box (live positions during a drag) and of the other tags. Widths come from Inter's metrics, then
 * from the drawn tags, measured before the browser paints.
 */
export function useProjectLabelSpots(
  areas: ReadonlyArray<{ readonly project: Project; readonly shape: ProjectShape | null }>,
  nodes: readonly BoardFlowNode[],
  live: ReadonlyMap<string, XYPosition> | null,
): LabelSpots {
  const [drawn, setDrawn] = useState<ReadonlyMap<string, number>>(() => new Map());
  const callbacks = useRef(new Map<ProjectId, (element: HTMLElement | null) => void>());

  const spots = useMemo(() => {
    const shaped = areas.filter((area) => area.shape);
    const obstacles = nodes.map((node) =>
      nodeObstacle(nodeBox(node, live), node.type === 'person' ? 'person' : 'organisation'),
    );
    const shortNames = shaped.map(({ project }) => shortProjectName(project.name));
    const placed = placeProjectLabels(
      shaped.map(({ project, shape }, i) => ({
        outline: shape!.outline,
        preferred: shape!.labelAt,
        width: drawn.get(drawnKey(project.id, project.name)) ?? projectLabelWidth(project.name),
        shortWidth: drawn.get(drawnKey(project.id, shortNames[i]!)) ?? projectLabelWidth(shortNames[i]!),
        height: PROJECT_LABEL.height,
      })),
      obstacles,
    );
    const byProject = new Map(
      shaped.map((area, i) => {
        const spot = placed[i]!;
        return [area.project.id, { ...spot, text: spot.shortened ? shortNames[i]! : area.project.name }];
      }),
    );
    return areas.map((area) => byProject.get(area.project.id) ?? null);
  }, [areas, nodes, drawn, live]);

  // A tag's drawn width: after each change of its name or its badge, before the browser paints. Each tag's
  // ref stops observing it when it goes, so the observer needs no teardown.
  const [observer] = useState(() =>
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          setDrawn((drawn) => {
            let next: Map<string, number> | null = null;
            for (const entry of entries) {
              const element = entry.target as HTMLElement;
              const { projectId, labelText } = element.dataset;
              if (projectId === undefined || labelText === undefined) continue;
              const key = drawnKey(projectId, labelText);
              const width = element.offsetWidth;
              if (width === 0 || Math.abs((drawn.get(key) ?? -10) - width) <= 1) continue;
              next ??= new Map(drawn);
              next.set(key, width);
            }
            return next ?? drawn;
          });
        }),
  );

  const measure = (id: ProjectId) => {
    let callback = callbacks.current.get(id);
    if (!callback) {
      let observed: HTMLElement | null = null;
      callback = (element) => {
        if (observed) observer?.unobserve(observed);
        observed = element;
        if (element) observer?.observe(element);
      };
      callbacks.current.set(id, callback);
    }
    return callback;
  };
  return { spots, measure };
}
