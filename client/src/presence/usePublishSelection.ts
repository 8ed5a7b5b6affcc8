import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { BoardViewStore, LocalSelection } from '../canvas/view/boardViewStore.ts';

function idsOf(selection: LocalSelection): string[] {
  const ids = [...selection.nodeIds, ...selection.relationshipIds];
  if (selection.projectId) ids.push(selection.projectId);
  return ids;
}

/** Shares this person's selection through awareness (never the document), and clears it on leave. */
export function usePublishSelection(awareness: Awareness, store: BoardViewStore): void {
  useEffect(() => {
    awareness.setLocalStateField('selection', idsOf(store.getState().selection));
    const unsubscribe = store.subscribe((state, previous) => {
      if (state.selection !== previous.selection) {
        awareness.setLocalStateField('selection', idsOf(state.selection));
      }
    });
    return () => {
      unsubscribe();
      awareness.setLocalStateField('selection', []);
    };
  }, [awareness, store]);
}
