/**
 * Diagnostic companion of `canvasBench.ts` (not part of `npm run bench:canvas`):
 * seeds the bench board once, opens it once, and measures the overview pan (and
 * optionally the working-zoom pan and the drag) for several CSS variants
 * injected at run time, so paint experiments can be compared in one quiet
 * window. Per variant it prints fps, main-thread time, CPU time of all
 * Chromium processes per frame (raster and compositing happen outside the main
 * thread) and the number of composited layers.
 *
 * `npx tsx test/bench/canvas/paintProbe.ts` (run it under the bench lock).
 * PROBE_VARIANTS: path of a JSON file `[{ "name": "...", "css": "..." }]`
 * (default: as built, and a composited viewport); PROBE_STATIC_DIR: a build to
 * serve; PROBE_WORKING=1 also pans and drags at zoom 1 (PROBE_WORKING_ONLY=1: only there; PROBE_ZOOM: another zoom);
 * PROBE_NO_DRAG=1 skips the drag at zoom 1;
 * PROBE_LAYERS=1 lists the composited layers mid-gesture (element, size, compositing reasons), grouped;
 * PROBE_TRACE=1 prints where the time went per thread (Chrome trace); PROBE_PROFILE=1 the
 * heaviest functions (use an unminified build); PROBE_SCREENSHOT=<prefix> saves screenshots.
 */
import fs from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { framesBetween, pageNow } from './pageProbe.ts';
import { canvasCentre, emptyPanePoint, organisationNear, pacedDrag, wheelZoomTo } from './pointer.ts';
import type { Point } from './pointer.ts';
import type { CpuProfile } from './cpuProfile.ts';
import { runProbe, setProbeCss, withProbeBoard } from './probeScript.ts';
import { TRACE_CATEGORIES, printTraceSummary } from './traceSummary.ts';
import { descendantCpuMs } from '../processSampler.ts';

interface Variant {
  name: string;
  css: string;
  /** Evaluated in the page once, before this variant's gesture (effects stay for later variants). */
  js?: string;
}

const DEFAULT_VARIANTS: Variant[] = [
  { name: 'as built', css: '' },
  { name: 'viewport layer', css: '.react-flow__viewport { will-change: transform; }' },
];

/** Counts DOM mutations during a gesture by target (tag and first class): what re-renders while panning. */
const MUTATION_COUNTER = `(() => {
  const counts = {};
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
      const key = r.type + ':' + (r.attributeName ?? '') + ' ' + (t ? t.tagName.toLowerCase() + '.' + (t.getAttribute('class') ?? '').split(' ')[0] : '?');
      counts[key] = (counts[key] ?? 0) + 1;
    }
  });
  observer.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
  window.__stopMutations = () => { observer.disconnect(); return counts; };
})()`;

/**
 * Nodes drawn, and nodes not drawn although their box meets the screen (should be none): node boxes from
 * their `transform` and offset size, the view from the viewport's transform.
 */
const OFF_SCREEN_CHECK = `(() => {
  const viewport = document.querySelector('.react-flow__viewport');
  const pane = document.querySelector('.react-flow').getBoundingClientRect();
  const m = /translate\\(([-\\d.]+)px, ([-\\d.]+)px\\) scale\\(([\\d.]+)\\)/.exec(viewport.style.transform);
  const [tx, ty, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const view = { left: -tx / k, top: -ty / k, right: (pane.width - tx) / k, bottom: (pane.height - ty) / k };
  let drawn = 0;
  const missing = [];
  for (const el of document.querySelectorAll('.react-flow__node')) {
    const n = /translate\\(([-\\d.]+)px, ?([-\\d.]+)px\\)/.exec(el.style.transform);
    if (!n) continue;
    const shown = getComputedStyle(el).display !== 'none';
    if (shown) { drawn++; continue; }
    const x = Number(n[1]), y = Number(n[2]);
    const w = Number(el.style.width ? parseFloat(el.style.width) : 220), h = 90;
    if (x <= view.right && x + w >= view.left && y <= view.bottom && y + h >= view.top) missing.push(el.dataset.id);
  }
  return { drawn, missing };
})()`;

/** PROBE_ZOOM: the working zoom of PROBE_WORKING (default 1). */
const WORKING_ZOOM = Number(process.env.PROBE_ZOOM ?? 1);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function loopPath(centre: Point, rx: number, ry: number): Point[] {
  return Array.from({ length: 190 }, (_, i) => ({
    x: centre.x + rx * Math.sin((2 * Math.PI * i) / 120),
    y: centre.y + ry * Math.sin((2 * Math.PI * i) / 85),
  }));
}

/** Heaviest functions by self time, and by total time (self + callees). */
function hottest(profile: CpuProfile): string[] {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totalOf = (id: number): number => {
    const node = byId.get(id);
    return (self.get(id) ?? 0) + (node?.children ?? []).reduce((sum, child) => sum + totalOf(child), 0);
  };
  const name = (n: CpuProfile['nodes'][number]): string =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() ?? ''}:${n.callFrame.lineNumber + 1}`;
  const selfBy = new Map<string, number>();
  const totalBy = new Map<string, number>();
  for (const n of profile.nodes) {
    selfBy.set(name(n), (selfBy.get(name(n)) ?? 0) + (self.get(n.id) ?? 0));
    totalBy.set(name(n), Math.max(totalBy.get(name(n)) ?? 0, 0) + totalOf(n.id));
  }
  const top = (m: Map<string, number>, k: number): string[] =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([fn, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${fn}`);
  return [
    '    self:',
    ...top(selfBy, 15).map((l) => `    ${l}`),
    '    total:',
    ...top(totalBy, 25).map((l) => `    ${l}`),
  ];
}

async function layerCount(session: CDPSession): Promise<number> {
  const layers = new Promise<number>((resolve) => {
    session.once('LayerTree.layerTreeDidChange', (event) =>
      resolve((event as { layers?: unknown[] }).layers?.length ?? -1),
    );
  });
  await session.send('LayerTree.enable');
  const count = await Promise.race([layers, sleep(2000).then(() => -1)]);
  await session.send('LayerTree.disable');
  return count;
}

/**
 * PROBE_LAYERS=1: the composited layers in the middle of a gesture, grouped by element class, size and
 * Blink's compositing reasons (why each is a layer: will-change, overlap with a layer beneath, ...).
 */
async function layerList(session: CDPSession): Promise<number> {
  await session.send('DOM.getDocument', { depth: 0 });
  const layers = new Promise<Array<Record<string, unknown>>>((resolve) => {
    session.once('LayerTree.layerTreeDidChange', (event) =>
      resolve((event as { layers?: Array<Record<string, unknown>> }).layers ?? []),
    );
  });
  await session.send('LayerTree.enable');
  const list = await Promise.race([layers, sleep(2000).then(() => [])]);
  const groups = new Map<string, number>();
  for (const layer of list) {
    let what = '(no node)';
    if (typeof layer.backendNodeId === 'number') {
      const described = (await session
        .send('DOM.describeNode', { backendNodeId: layer.backendNodeId })
        .catch(() => null)) as { node?: { nodeName?: string; attributes?: string[] } } | null;
      const attrs = described?.node?.attributes ?? [];
      const cls = attrs.indexOf('class') >= 0 ? (attrs[attrs.indexOf('class') + 1] ?? '') : '';
      what = `${described?.node?.nodeName ?? ''}.${cls.split(' ').slice(0, 3).join('.')}`;
    }
    const reasons = (await session
      .send('LayerTree.compositingReasons', { layerId: String(layer.layerId) })
      .catch(() => null)) as { compositingReasonIds?: string[] } | null;
    const key = `${layer.drawsContent ? 'draws' : '     '} ${String(layer.width)}×${String(layer.height)} ${what} [${(reasons?.compositingReasonIds ?? []).join(',')}]`;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  await session.send('LayerTree.disable');
  for (const [key, n] of [...groups.entries()].sort((a, b) => b[1] - a[1]))
    console.log(`    ${String(n).padStart(3)}× ${key}`);
  return list.length;
}

async function measure(page: Page, session: CDPSession, label: string, path: Point[]): Promise<void> {
  const tracing = process.env.PROBE_TRACE === '1';
  const browser = page.context().browser();
  if (tracing && browser) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const metric = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value] as const),
    );
  const profiling = process.env.PROBE_PROFILE === '1';
  if (profiling) {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: 200 });
    await session.send('Profiler.start');
  }
  const before = await metric();
  const cpuBefore = descendantCpuMs() / 1000;
  const from = await pageNow(page);
  // Layers mid-gesture (a drag promotes its lines and card only while it lasts); enabling the layer
  // tree for a moment costs a frame or two of the gesture.
  const layersMid = sleep(1500).then(() =>
    process.env.PROBE_LAYERS === '1' ? layerList(session) : layerCount(session),
  );
  await pacedDrag(page, path);
  const to = await pageNow(page);
  const layers = await layersMid;
  const cpu = descendantCpuMs() / 1000 - cpuBefore;
  const after = await metric();
  const hot = profiling
    ? hottest(((await session.send('Profiler.stop')) as unknown as { profile: CpuProfile }).profile)
    : [];
  await sleep(300);
  const stats = await framesBetween(page, from, to);
  const ms = (name: string): string => (((after[name] ?? 0) - (before[name] ?? 0)) * 1000).toFixed(0);
  console.log(
    `  ${label.padEnd(14)} ${stats.fps.toFixed(1).padStart(5)} fps  p95 ${stats.p95FrameMs.toFixed(0).padStart(4)} ms  ` +
      `main ${ms('TaskDuration').padStart(5)} ms (script ${ms('ScriptDuration')})  ` +
      `CPU ${((cpu * 1000) / Math.max(1, stats.frames)).toFixed(0)} ms/frame  ${layers} layers mid-gesture`,
  );
  for (const line of hot) console.log(line);
  if (tracing && browser) printTraceSummary(await browser.stopTracing());
}

async function main(): Promise<void> {
  const variants: Variant[] = process.env.PROBE_VARIANTS
    ? (JSON.parse(fs.readFileSync(process.env.PROBE_VARIANTS, 'utf8')) as Variant[])
    : DEFAULT_VARIANTS;
  await withProbeBoard(async (page) => {
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    const centre = await canvasCentre(page);
    // PROBE_SCREENSHOT=<prefix>: the opening view and zoom 1 as PNGs, to check that a change looks the same.
    const shots = process.env.PROBE_SCREENSHOT;
    if (shots) await page.screenshot({ path: `${shots}-overview.png` });
    const setCss = (css: string): Promise<void> => setProbeCss(page, css);
    for (const variant of process.env.PROBE_WORKING_ONLY === '1' ? [] : variants) {
      await setCss(variant.css);
      if (variant.js) await page.evaluate(variant.js);
      await sleep(600);
      console.log(`${variant.name} (${await layerCount(session)} layers)`);
      await page.evaluate(MUTATION_COUNTER);
      // The previous pan ended elsewhere: find empty pane again (a pan that grabs a node is a drag).
      await measure(page, session, 'overview pan', loopPath(await emptyPanePoint(page, centre), 160, 90));
      console.log(
        `    DOM mutations by target: ${JSON.stringify(await page.evaluate('window.__stopMutations()'))}`,
      );
    }
    if (process.env.PROBE_WORKING === '1') {
      const target = await organisationNear(page, centre);
      await wheelZoomTo(page, target.grip, WORKING_ZOOM);
      await sleep(800);
      if (shots) await page.screenshot({ path: `${shots}-zoom1.png` });
      const grip = await emptyPanePoint(page, centre);
      for (const variant of variants) {
        await setCss(variant.css);
        if (variant.js) await page.evaluate(variant.js);
        await sleep(600);
        console.log(`${variant.name} at zoom ${WORKING_ZOOM} (${await layerCount(session)} layers)`);
        await page.evaluate(MUTATION_COUNTER);
        await measure(page, session, 'pan', loopPath(grip, 160, 90));
        console.log(
          `    DOM mutations by target: ${JSON.stringify(await page.evaluate('window.__stopMutations()'))}`,
        );
        if (process.env.PROBE_NO_DRAG === '1') continue;
        const node = await organisationNear(page, centre);
        await measure(page, session, 'drag', loopPath(node.grip, 140, 80));
      }
    }
    if (process.env.PROBE_WORKING === '1' && shots) {
      // A long pan (past the render window's border), then: is everything on screen drawn?
      const from = await emptyPanePoint(page, centre);
      const path = Array.from({ length: 60 }, (_, i) => ({ x: from.x - i * 20, y: from.y - i * 6 }));
      await pacedDrag(page, path);
      await page.screenshot({ path: `${shots}-panned-0ms.png` });
      await sleep(500);
      await page.screenshot({ path: `${shots}-panned.png` });
      console.log(`after a long pan: ${JSON.stringify(await page.evaluate(OFF_SCREEN_CHECK))}`);
    }
  });
}

runProbe(main);
