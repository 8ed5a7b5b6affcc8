import { useCallback, useEffect } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Position } from '@interplay/shared';
import { freeNotes, NOTE_FOOTPRINT } from '../canvas/boardBounds.ts';
import { freeSpotNear } from '../canvas/editing/freeSpot.ts';
import { useMapContext } from '../canvas/MapContext.ts';
import { nodeBox } from '../canvas/view/nodeBox.ts';
import { startNoteDraft } from './noteDraftStore.ts';

/** Half a note card, so a note placed "at" a point is centred on it. */
const NOTE_OFFSET = { x: 110, y: 40 };

/**
 * Starts a new free note at a flow position, or in the middle of the view: there, or at the nearest spot
 * where it covers no card, person or other note (`freeSpotNear`).
 */
export function useAddNote(): (at?: Position) => void {
  const { screenToFlowPosition } = useReactFlow();
  const { store } = useMapContext();
  return useCallback(
    (at?: Position) => {
      let centre = at;
      if (!centre) {
        const canvas = document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect();
        centre = canvas
          ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
          : { x: 0, y: 0 };
      }
      const { nodes, snapshot } = store.getState();
      const taken = [
        ...nodes.map((node) => nodeBox(node, null)),
        ...freeNotes(snapshot.annotations).flatMap((note) =>
          note.position ? [{ ...note.position, ...NOTE_FOOTPRINT }] : [],
        ),
      ];
      startNoteDraft(
        freeSpotNear({ x: centre.x - NOTE_OFFSET.x, y: centre.y - NOTE_OFFSET.y }, NOTE_FOOTPRINT, taken),
      );
    },
    [screenToFlowPosition, store],
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest('dialog, [role="dialog"]')) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** N places a note in the middle of the view (when this page may comment; ignored while typing). */
export function useNoteShortcut(enabled: boolean): void {
  const addNote = useAddNote();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTyping(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey || event.key.toLowerCase() !== 'n') return;
      event.preventDefault();
      addNote();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [addNote, enabled]);
}
