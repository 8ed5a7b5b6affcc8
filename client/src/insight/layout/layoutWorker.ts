/** The Web Worker that lays the map out (`forceLayout`): one request per worker. */
import type { BoardSnapshot } from '@interplay/shared';
import { forceLayout } from './forceLayout.ts';
import type { LayoutMode } from './forceLayout.ts';

self.addEventListener('message', (event: MessageEvent<{ board: BoardSnapshot; mode: LayoutMode }>) => {
  try {
    self.postMessage({ ok: true, positions: [...forceLayout(event.data.board, event.data.mode)] });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
