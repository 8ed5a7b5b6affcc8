import { useCallback, useState } from 'react';
import { beginUndoGesture, endUndoGesture, moveNodes } from '@interplay/shared';
import type { BoardSnapshot, NodeId, Position } from '@interplay/shared';
import { useBoardViewContext } from '../../canvas/BoardViewContext.ts';
import { useFitBoard } from '../../canvas/reactFlow/useFitBoard.ts';
import { superviseWorker } from '../../export/image/superviseWorker.ts';
import { figureInput } from '../worker/figureInput.ts';
import type { LayoutMode } from './forceLayout.ts';

type LayoutReply = { ok: true; positions: Array<[string, Position]> } | { ok: false; message: string };

/** How the move is shown to everyone: this many steps (each one update) over `ANIMATION_MS`. */
const ANIMATION_STEPS = 10;
const ANIMATION_MS = 700;

const ease = (t: number): number => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** The layout of `snapshot`, computed in a worker. */
function layoutInWorker(snapshot: BoardSnapshot, mode: LayoutMode): Promise<Map<string, Position>> {
  const worker = new Worker(new URL('./layoutWorker.ts', import.meta.url), { type: 'module' });
  return superviseWorker<LayoutReply, Map<string, Position>>(
    worker,
    { board: figureInput(snapshot), mode },
    'the layout',
    (reply) =>
      reply.ok ? { ok: true, value: new Map(reply.positions) } : { ok: false, message: reply.message },
  );
}

/**
 * Lays the whole map out on request, for everyone: the positions are computed in a worker, then the nodes
 * glide there in a few steps (every page sees the movement, so people keep their bearings), all one undo
 * step of this page. Only while this page may move nodes (the layout lock is the server's rule too).
 */
export function useAutoLayout(): {
  /** `force` by the relationships, `clusters` each cluster gathered (see `forceLayout`). */
  run: (mode: LayoutMode) => Promise<void>;
  busy: boolean;
  /** This page edits the board (a viewer never lays out). */
  available: boolean;
  /** This page may move nodes now (not while the layout is locked, unless facilitator). */
  allowed: boolean;
} {
  const { store, session, undoManager, permissions } = useBoardViewContext();
  const fitBoard = useFitBoard();
  const [busy, setBusy] = useState(false);
  const allowed = permissions.move && undoManager !== null;
  const run = useCallback(
    async (mode: LayoutMode) => {
      if (!allowed || !undoManager) return;
      setBusy(true);
      try {
        const snapshot = store.getState().snapshot;
        const target = await layoutInWorker(snapshot, mode);
        const from = new Map<string, Position>();
        for (const node of [...snapshot.organisations.values(), ...snapshot.people.values()])
          from.set(node.id, node.position);
        beginUndoGesture(undoManager);
        try {
          for (let step = 1; step <= ANIMATION_STEPS; step++) {
            const f = ease(step / ANIMATION_STEPS);
            const moves = [...target].flatMap(([id, to]) => {
              const start = from.get(id);
              if (!start) return [];
              const position = {
                x: Math.round(start.x + (to.x - start.x) * f),
                y: Math.round(start.y + (to.y - start.y) * f),
              };
              return [{ id: id as NodeId, position }];
            });
            moveNodes(session.doc, moves);
            await new Promise((resolve) => setTimeout(resolve, ANIMATION_MS / ANIMATION_STEPS));
          }
        } finally {
          endUndoGesture(undoManager);
        }
        fitBoard({ padding: 0.08, maxZoom: 1.2, duration: 400 });
      } finally {
        setBusy(false);
      }
    },
    [allowed, undoManager, store, session.doc, fitBoard],
  );
  return { run, busy, available: undoManager !== null, allowed };
}
