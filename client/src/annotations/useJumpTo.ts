import { useCallback } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Position, ProjectId, RelationshipId } from '@interplay/shared';
import { useBoardViewContext } from '../canvas/BoardViewContext.ts';

const DURATION = 400;

/**
 * Selects a thread's target (organisation, person, project or relationship)
 * and centres the view on it; for a free note, centres on the note.
 */
export function useJumpTo(): (target: string | null, position?: Position | null) => void {
  const { store } = useBoardViewContext();
  const { fitView, setCenter, getZoom } = useReactFlow();
  return useCallback(
    (target, position) => {
      const zoom = Math.max(getZoom(), 0.8);
      if (target === null) {
        if (position) void setCenter(position.x + 110, position.y + 40, { zoom, duration: DURATION });
        return;
      }
      const { snapshot } = store.getState();
      const project = snapshot.projects.get(target as ProjectId);
      if (project) {
        store.getState().selectProject(project.id);
        if (project.memberIds.length > 0) {
          void fitView({ nodes: project.memberIds.map((id) => ({ id })), padding: 0.3, duration: DURATION });
        }
        return;
      }
      store.getState().selectOnly([target]);
      const relationship = snapshot.relationships.get(target as RelationshipId);
      const ids = relationship ? [relationship.source, relationship.target] : [target];
      void fitView({
        nodes: ids.map((id) => ({ id })),
        padding: 0.4,
        maxZoom: 1.2,
        minZoom: 0.4,
        duration: DURATION,
      });
    },
    [fitView, getZoom, setCenter, store],
  );
}
