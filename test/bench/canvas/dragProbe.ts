/**
 * Diagnostic companion of `canvasBench.ts` (not part of `npm run bench:canvas`): opens the bench board once,
 * zooms to 1 (PROBE_ZOOM: another zoom) and drags the same card along the bench's drag path once per CSS variant (PROBE_VARIANTS: a
 * JSON file `[{ "name": "...", "css": "..." }]`, cycled PROBE_ROUNDS times, default 2), printing fps, p50/p95
 * and where in the gesture the long frames fell. Repeating the drag in one page takes the page load's
 * variance out of an A/B; alternate runs of two builds (PROBE_STATIC_DIR) for code changes.
 * PROBE_SETTLE_MS: wait after zooming (default 1000); PROBE_LAYERS=1 lists the composited layers in the
 * middle of a drag first (PROBE_SCREENSHOT=<file.png> also saves a screenshot then).
 * `npx tsx test/bench/canvas/dragProbe.ts`, under the bench lock.
 */
import fs from 'node:fs';
import { pageNow } from './pageProbe.ts';
import { canvasCentre, organisationNear, pacedDrag, wheelZoomTo } from './pointer.ts';
import type { Point } from './pointer.ts';
import { runProbe, setProbeCss, withProbeBoard } from './probeScript.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * The bench's drag path, then straight back to where it began: every drag (and so every variant of an
 * A/B) starts with the card in the same place, over the same cards and lines. Without the way back each
 * drag left the card ~100 px further on, and the variants were compared over different parts of the map.
 */
function loopPath(c: Point, rx: number, ry: number): Point[] {
  const loop = Array.from({ length: 190 }, (_, i) => ({
    x: c.x + rx * Math.sin((2 * Math.PI * i) / 120),
    y: c.y + ry * Math.sin((2 * Math.PI * i) / 85),
  }));
  const end = loop[loop.length - 1] ?? c;
  const back = Array.from({ length: 20 }, (_, i) => ({
    x: end.x + ((c.x - end.x) * (i + 1)) / 20,
    y: end.y + ((c.y - end.y) * (i + 1)) / 20,
  }));
  return [...loop, ...back];
}

async function main(): Promise<void> {
  const variants = process.env.PROBE_VARIANTS
    ? (JSON.parse(fs.readFileSync(process.env.PROBE_VARIANTS, 'utf8')) as Array<{
        name: string;
        css: string;
      }>)
    : [{ name: 'as built', css: '' }];
  const rounds = Number(process.env.PROBE_ROUNDS ?? 2);
  await withProbeBoard(async (page) => {
    const centre = await canvasCentre(page);
    await wheelZoomTo(page, (await organisationNear(page, centre)).grip, Number(process.env.PROBE_ZOOM ?? 1));
    await sleep(Number(process.env.PROBE_SETTLE_MS ?? 1000));
    const node = await organisationNear(page, centre);
    if (process.env.PROBE_LAYERS === '1') {
      // The composited layers in the middle of a drag: what the compositor draws every frame.
      const session = await page.context().newCDPSession(page);
      await session.send('DOM.getDocument');
      await page.mouse.move(node.grip.x, node.grip.y);
      await page.mouse.down();
      for (let i = 1; i <= 10; i++) await page.mouse.move(node.grip.x + i * 8, node.grip.y + i * 4);
      await sleep(500);
      const layers = new Promise<Array<Record<string, unknown>>>((resolve) =>
        session.once('LayerTree.layerTreeDidChange', (event) =>
          resolve((event as { layers?: Array<Record<string, unknown>> }).layers ?? []),
        ),
      );
      await session.send('LayerTree.enable');
      await page.mouse.move(node.grip.x + 90, node.grip.y + 45);
      for (const layer of await layers) {
        let what = '';
        if (typeof layer.backendNodeId === 'number') {
          const described = (await session
            .send('DOM.describeNode', { backendNodeId: layer.backendNodeId })
            .catch(() => null)) as { node?: { nodeName?: string; attributes?: string[] } } | null;
          const attrs = described?.node?.attributes ?? [];
          what = `${described?.node?.nodeName ?? ''} ${attrs[attrs.indexOf('class') + 1] ?? ''}`.slice(0, 90);
        }
        console.log(
          `layer ${String(layer.layerId).padEnd(5)} ${layer.drawsContent ? 'draws' : '     '} ${layer.width}×${layer.height} at ${layer.offsetX},${layer.offsetY} ${what}`,
        );
      }
      await session.send('LayerTree.disable');
      if (process.env.PROBE_SCREENSHOT) await page.screenshot({ path: process.env.PROBE_SCREENSHOT });
      await page.mouse.up();
      await sleep(500);
    }
    for (let round = 0; round < rounds; round++) {
      for (const variant of variants) {
        await setProbeCss(page, variant.css);
        await sleep(500);
        // The previous drag left the card elsewhere: press it where it is now.
        const box = await page.locator(`.react-flow__node[data-id="${node.id}"]`).boundingBox();
        if (!box) throw new Error('dragged card not on screen');
        const grip = { x: box.x + box.width * 0.35, y: box.y + box.height / 2 };
        const from = await pageNow(page);
        await pacedDrag(page, loopPath(grip, 140, 80));
        const to = await pageNow(page);
        await sleep(300);
        const times = await page.evaluate(
          ([a, b]) =>
            (window as unknown as { __bench: { frames: number[] } }).__bench.frames.filter(
              (t) => t >= a && t <= b,
            ),
          [from, to] as const,
        );
        const gaps = times.slice(1).map((t, i) => [Math.round(t - from), Math.round(t - (times[i] ?? t))]);
        const sorted = gaps.map((g) => g[1] ?? 0).sort((a, b) => a - b);
        const long = gaps.filter((g) => (g[1] ?? 0) > 40).map((g) => `${g[0]}:${g[1]}`);
        console.log(
          `${variant.name.padEnd(20)} ${((times.length / (to - from)) * 1000).toFixed(1)} fps  p50 ${sorted[Math.floor(sorted.length / 2)]} p95 ${sorted[Math.floor(sorted.length * 0.95)]}  long(at:ms) ${long.join(' ')}`,
        );
      }
    }
  });
}

runProbe(main);
