import type { Page } from 'playwright-core';

export interface Point {
  x: number;
  y: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Moves the pressed mouse along `path` at about one input event per 16 ms
 * (a real mouse delivers at least that often; Chromium coalesces it to
 * frames), starting at the first point. Each move waits for the browser to
 * take the event, so a busy page slows the gesture down: it stops after
 * `maxMs` even if the path is not finished, which keeps the run bounded.
 * Returns how many points were sent.
 */
export async function pacedDrag(
  page: Page,
  path: readonly Point[],
  maxMs = 4000,
  stepMs = 16,
): Promise<number> {
  const first = path[0];
  if (!first) throw new Error('empty drag path');
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  const started = performance.now();
  let sent = 1;
  for (; sent < path.length && performance.now() - started < maxMs; sent++) {
    const point = path[sent] as Point;
    await page.mouse.move(point.x, point.y);
    const wait = started + sent * stepMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await page.mouse.up();
  return sent;
}

/** `translate(Xpx, Ypx) scale(S)` of the React Flow viewport. */
export async function viewportScale(page: Page): Promise<number> {
  const transform = await page.$eval('.react-flow__viewport', (el) => (el as HTMLElement).style.transform);
  const match = /scale\(([\d.e-]+)\)/.exec(transform);
  if (!match?.[1]) throw new Error(`unexpected viewport transform ${JSON.stringify(transform)}`);
  return Number(match[1]);
}

/**
 * Zooms with the mouse wheel around `at` until the viewport scale is `target`
 * (±2 %). React Flow scales by 2^(−deltaY·0.002) per wheel event, around the pointer.
 */
export async function wheelZoomTo(page: Page, at: Point, target: number): Promise<number> {
  await page.mouse.move(at.x, at.y);
  for (let attempt = 0; attempt < 20; attempt++) {
    const scale = await viewportScale(page);
    if (Math.abs(scale / target - 1) < 0.02) return scale;
    // Several smaller notches, like a real wheel, rather than one jump.
    const deltaY = Math.max(-400, Math.min(400, -Math.log2(target / scale) / 0.002));
    await page.mouse.wheel(0, deltaY);
    await sleep(120);
  }
  throw new Error(`could not wheel-zoom to ${target} (at ${await viewportScale(page)})`);
}

export interface NodeOnScreen {
  id: string;
  /** Where to press to drag the card: its left half, away from the relationship handle on the right. */
  grip: Point;
}

/** The organisation card nearest `to` among those rendered, with a point on it that hits the card itself. */
export async function organisationNear(page: Page, to: Point): Promise<NodeOnScreen> {
  const found = await page.evaluate((target) => {
    let best: { id: string; grip: { x: number; y: number }; distance: number } | null = null;
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node-organisation'))) {
      const rect = el.getBoundingClientRect();
      const grip = { x: rect.left + rect.width * 0.35, y: rect.top + rect.height / 2 };
      const distance = Math.hypot(grip.x - target.x, grip.y - target.y);
      const hit = document.elementFromPoint(grip.x, grip.y);
      const onCard = hit !== null && el.contains(hit) && !hit.closest('.react-flow__handle');
      if (onCard && el.dataset.id && (best === null || distance < best.distance)) {
        best = { id: el.dataset.id, grip, distance };
      }
    }
    return best;
  }, to);
  if (found === null) throw new Error('no organisation card can be grabbed on screen');
  return { id: found.id, grip: found.grip };
}

/** A point on the empty pane (not on a node, edge, panel or control) near `to`. */
export async function emptyPanePoint(page: Page, to: Point): Promise<Point> {
  const found = await page.evaluate((target) => {
    for (let radius = 0; radius < 400; radius += 8) {
      for (let angle = 0; angle < 360; angle += 15) {
        const x = target.x + radius * Math.cos((angle * Math.PI) / 180);
        const y = target.y + radius * Math.sin((angle * Math.PI) / 180);
        const hit = document.elementFromPoint(x, y);
        if (hit?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  }, to);
  if (found === null) throw new Error('no empty pane to grab near the centre');
  return found;
}

/** Centre of the React Flow area (the page also has a header and maybe a side panel). */
export async function canvasCentre(page: Page): Promise<Point> {
  const box = await page.locator('.react-flow').boundingBox();
  if (!box) throw new Error('the React Flow canvas is not on screen');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}
