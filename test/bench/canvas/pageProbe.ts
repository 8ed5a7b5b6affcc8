import type { Page } from 'playwright-core';

/**
 * Installed in every benchmark page before the app's own scripts (as a string,
 * so no bundler helper leaks into the page). It keeps a requestAnimationFrame
 * loop running from the very first frame and records, per frame, the time and
 * a cheap summary of the map (rendered node count, viewport transform, whether
 * React Flow still hides unmeasured nodes: the last rendered node is mounted
 * `visibility: hidden` until measured), and it can watch one node's
 * transform with a MutationObserver. Times are `performance.now()` in the page;
 * `performance.timeOrigin` turns them into a clock shared by pages of one browser.
 */
export const PROBE_SCRIPT = `(() => {
  const bench = { frames: [], states: [], recordStates: true, moves: [], pointerMoves: [] };
  window.__bench = bench;
  const nodes = document.getElementsByClassName('react-flow__node');
  let viewport = null;
  const state = () => {
    if (!viewport || !viewport.isConnected) viewport = document.querySelector('.react-flow__viewport');
    const last = nodes.length > 0 ? nodes[nodes.length - 1] : null;
    const hidden = last !== null && last.style.visibility === 'hidden';
    return nodes.length + '|' + (viewport ? viewport.style.transform : '') + '|' + hidden;
  };
  const tick = () => {
    bench.frames.push(performance.now());
    if (bench.recordStates) bench.states.push(state());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  bench.state = state;
  bench.watch = (id) => {
    const container = document.querySelector('.react-flow__nodes');
    if (!container) throw new Error('no React Flow node container');
    const selector = '.react-flow__node[data-id="' + CSS.escape(id) + '"]';
    const node = container.querySelector(selector);
    if (!node) throw new Error('node ' + id + ' is not rendered');
    bench.moves = [[performance.timeOrigin + performance.now(), node.style.transform]];
    bench.pointerMoves = [];
    // The input's own time (when the browser received it), so a page that paints its drag a frame later is not flattered.
    const onPointer = (event) => bench.pointerMoves.push(performance.timeOrigin + event.timeStamp);
    window.addEventListener('pointermove', onPointer, { capture: true, passive: true });
    const observer = new MutationObserver((records) => {
      const at = performance.timeOrigin + performance.now();
      for (const record of records) {
        const target = record.target;
        if (target instanceof HTMLElement && target.dataset.id === id) bench.moves.push([at, target.style.transform]);
      }
    });
    observer.observe(container, { subtree: true, attributes: true, attributeFilter: ['style'] });
    bench.unwatch = () => {
      observer.disconnect();
      window.removeEventListener('pointermove', onPointer, { capture: true });
    };
  };
})();`;

interface ProbeWindow {
  __bench: {
    frames: number[];
    states: string[];
    recordStates: boolean;
    moves: Array<[number, string]>;
    pointerMoves: number[];
    state(): string;
    watch(id: string): void;
    unwatch?: () => void;
  };
}

/** The page's current clock (`performance.now()`). */
export const pageNow = (page: Page): Promise<number> => page.evaluate('performance.now()');

export async function currentState(page: Page): Promise<string> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__bench.state());
}

/** The recorded per-frame times and map states (while state recording is on). */
export async function recordedFrames(page: Page): Promise<{ frames: number[]; states: string[] }> {
  return page.evaluate(() => {
    const bench = (window as unknown as ProbeWindow).__bench;
    return { frames: bench.frames.slice(0, bench.states.length), states: bench.states.slice() };
  });
}

export async function stopRecordingStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as ProbeWindow).__bench.recordStates = false;
  });
}

export interface FrameStats {
  fps: number;
  frames: number;
  durationMs: number;
  /** 95th percentile of the time between two frames. */
  p95FrameMs: number;
  longestFrameMs: number;
}

/** Frames drawn between two page times. */
export async function framesBetween(page: Page, from: number, to: number): Promise<FrameStats> {
  const times = await page.evaluate(
    ([start, end]) => (window as unknown as ProbeWindow).__bench.frames.filter((t) => t >= start && t <= end),
    [from, to] as const,
  );
  const gaps = times.slice(1).map((t, i) => t - (times[i] ?? t));
  gaps.sort((a, b) => a - b);
  const durationMs = to - from;
  return {
    fps: (times.length / durationMs) * 1000,
    frames: times.length,
    durationMs,
    p95FrameMs: gaps[Math.min(gaps.length - 1, Math.floor(gaps.length * 0.95))] ?? durationMs,
    longestFrameMs: gaps[gaps.length - 1] ?? durationMs,
  };
}

export async function watchNode(page: Page, id: string): Promise<void> {
  await page.evaluate((nodeId) => (window as unknown as ProbeWindow).__bench.watch(nodeId), id);
}

/**
 * Transforms the watched node showed, and the times of the pointer moves the page received meanwhile, with
 * shared-clock times (ms since the epoch, sub-ms precision).
 */
export async function watchedMoves(
  page: Page,
): Promise<{ moves: Array<[number, string]>; pointerMoves: number[] }> {
  return page.evaluate(() => {
    const bench = (window as unknown as ProbeWindow).__bench;
    bench.unwatch?.();
    return { moves: bench.moves, pointerMoves: bench.pointerMoves };
  });
}
