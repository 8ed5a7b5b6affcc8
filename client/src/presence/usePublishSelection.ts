import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '@interplay/shared';
import type { BoardViewStore, LocalSelection } from '../canvas/view/boardViewStore.ts';

function idsOf(selection: LocalSelection): string[] {
  const ids = [...selection.nodeIds, ...selection.relationshipIds];
  if (selection.projectId) ids.push(selection.projectId);
  return ids;
}

/** Shares this person's selection through awareness (never the document), and clears it on leave. */
export function usePublishSelection(awareness: Awareness, store: BoardViewStore): void {
  useEffect(() => {
    publishPresence(awareness, 'selection', idsOf(store.getState().selection));
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) {
        publishPresence(awareness, 'selection', idsOf(state.selection));
      }
    });
    return () => {
      unsubscribe();
      publishPresence(awareness, 'selection', []);
    };
  }, [awareness, store]);
}
