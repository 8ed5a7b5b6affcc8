import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Shares the pointer position in flow coordinates (so it lands on the same
 * spot whatever each person's zoom), at most once per animation frame, and
 * clears it when the pointer leaves the map or the map unmounts.
 * @returns pointer handlers for the element around the map.
 */
export function useCursorBroadcast(awareness: Awareness): {
  onPointerMove(event: PointerEvent): void;
  onPointerLeave(): void;
} {
  const { screenToFlowPosition } = useReactFlow();
  const latest = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef<number | null>(null);

  const flush = useCallback(() => {
    frame.current = null;
    const point = latest.current;
    if (!point) return;
    const flow = screenToFlowPosition(point, { snapToGrid: false });
    awareness.setLocalStateField('cursor', { x: Math.round(flow.x), y: Math.round(flow.y) });
  }, [awareness, screenToFlowPosition]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      awareness.setLocalStateField('cursor', null);
    },
    [awareness],
  );

  return useMemo(
    () => ({
      onPointerMove(event: PointerEvent) {
        latest.current = { x: event.clientX, y: event.clientY };
        if (frame.current === null) frame.current = requestAnimationFrame(flush);
      },
      onPointerLeave() {
        latest.current = null;
        if (frame.current !== null) cancelAnimationFrame(frame.current);
        frame.current = null;
        awareness.setLocalStateField('cursor', null);
      },
    }),
    [awareness, flush],
  );
}
