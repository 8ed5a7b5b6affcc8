/** The Web Worker that lays the map out (`forceLayout`): one request per worker. */
import type { BoardSnapshot } from '@interplay/shared';
import { forceLayout } from './forceLayout.ts';

self.addEventListener('message', (event: MessageEvent<BoardSnapshot>) => {
  try {
    self.postMessage({ ok: true, positions: [...forceLayout(event.data)] });
  } catch (error) {
    self.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
