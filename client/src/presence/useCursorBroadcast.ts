import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { PointerEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { Awareness } from 'y-protocols/awareness';
import { publishPresence } from '@interplay/shared';

/**
 * Least time between two cursor messages. The server relays presence every
 * 100 ms (`AWARENESS_BATCH_MS`), so a cursor sent every frame (up to 60/s,
 * from every participant) would mostly be dropped there, after costing the
 * page an awareness update each; at twice the relay rate what it relays is
 * never more than 50 ms old.
 */
const CURSOR_INTERVAL_MS = 50;

/**
 * Shares the pointer position in flow coordinates (so it lands on the same
 * spot whatever each person's zoom), at most every `CURSOR_INTERVAL_MS` and
 * always the latest one, and clears it when the pointer leaves the map or the
 * map unmounts.
 * @returns pointer handlers for the element around the map.
 */
export function useCursorBroadcast(awareness: Awareness): {
  onPointerMove(event: PointerEvent): void;
  onPointerLeave(): void;
} {
  const { screenToFlowPosition } = useReactFlow();
  const latest = useRef<{ x: number; y: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const sentAt = useRef(-Infinity);

  const flush = useCallback(() => {
    timer.current = null;
    const point = latest.current;
    if (!point) return;
    sentAt.current = performance.now();
    const flow = screenToFlowPosition(point, { snapToGrid: false });
    publishPresence(awareness, 'cursor', { x: Math.round(flow.x), y: Math.round(flow.y) });
  }, [awareness, screenToFlowPosition]);

  const cancel = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  }, []);

  useEffect(
    () => () => {
      cancel();
      publishPresence(awareness, 'cursor', null);
    },
    [awareness, cancel],
  );

  return useMemo(
    () => ({
      onPointerMove(event: PointerEvent) {
        latest.current = { x: event.clientX, y: event.clientY };
        if (timer.current !== null) return;
        const wait = sentAt.current + CURSOR_INTERVAL_MS - performance.now();
        timer.current = setTimeout(flush, Math.max(0, wait));
      },
      onPointerLeave() {
        latest.current = null;
        cancel();
        publishPresence(awareness, 'cursor', null);
      },
    }),
    [awareness, cancel, flush],
  );
}
