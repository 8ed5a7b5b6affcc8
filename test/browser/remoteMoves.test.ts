import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, addProject, connect, readBoard } from '@interplay/shared';
import type { RelationshipId } from '@interplay/shared';
import { canvasCentre, organisationNear, wheelZoomTo } from '../bench/canvas/pointer.ts';
import { seedBoard } from '../bench/canvas/seedBoard.ts';
import { cardGrip, joinBoard, organisationNode } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Someone else's drag is shown without a new nodes array for React Flow (the remote fast path:
 * `boardViewStore.setSnapshot`, `moveRemoteNodes`), and the nodes array catches up after a pause.
 * Page B must show the card, its relationship, its person link and its project area following in
 * every frame while page A drags; afterwards B's React Flow must know the new place (B selects and
 * drags the card from there, fits it into view) and A's undo and redo must move it on B too.
 */

/** What page B shows in one animation frame: the card and where its lines end and its area lies. */
interface Frame {
  transform: string;
  card: Box;
  /** Both ends of each line, on screen. */
  relationship: Point[];
  affiliation: Point[];
  area: Box;
  /** Where React Flow's minimap (a small board's) draws the cards. */
  minimap: string;
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Point {
  x: number;
  y: number;
}

/** Records a `Frame` on every animation frame of the page until `stopFrames()`. */
async function recordFrames(page: Page, relationshipId: string): Promise<void> {
  await page.evaluate((id) => {
    const frames: unknown[] = [];
    let running = true;
    const box = (element: Element | null): Box => {
      const r = element?.getBoundingClientRect();
      return r
        ? { x: r.x, y: r.y, width: r.width, height: r.height }
        : { x: NaN, y: NaN, width: 0, height: 0 };
    };
    const ends = (path: SVGPathElement | null): Point[] => {
      const ctm = path?.getScreenCTM();
      if (!path || !ctm) return [];
      return [0, path.getTotalLength()].map((at) => {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        return { x: p.x, y: p.y };
      });
    };
    const tick = (): void => {
      if (!running) return;
      const card = Array.from(document.querySelectorAll<HTMLElement>('.react-flow__node-organisation')).find(
        (node) => node.textContent?.includes('Hub'),
      );
      frames.push({
        transform: card?.style.transform ?? '',
        card: box(card?.querySelector('[data-testid=organisation-node]') ?? null),
        relationship: ends(
          document.querySelector(`[data-testid=relationship-path][data-relationship-id="${id}"]`),
        ),
        affiliation: ends(document.querySelector('[data-testid=affiliation-path]')),
        area: box(document.querySelector('[data-testid=project-area]')),
        minimap: Array.from(document.querySelectorAll('.react-flow__minimap-node'))
          .map((rect) => `${rect.getAttribute('x')},${rect.getAttribute('y')}`)
          .join(' '),
      });
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    (window as unknown as { stopFrames: () => unknown[] }).stopFrames = () => {
      running = false;
      return frames;
    };
  }, relationshipId);
}

const stopFrames = (page: Page): Promise<Frame[]> =>
  page.evaluate(() => (window as unknown as { stopFrames: () => Frame[] }).stopFrames());

const near = (point: Point, box: Box, margin: number): boolean =>
  point.x > box.x - margin &&
  point.x < box.x + box.width + margin &&
  point.y > box.y - margin &&
  point.y < box.y + box.height + margin;

const contains = (outer: Box, inner: Box): boolean =>
  outer.x <= inner.x &&
  outer.y <= inner.y &&
  outer.x + outer.width >= inner.x + inner.width &&
  outer.y + outer.height >= inner.y + inner.height;

/** The frames in which the card's line, person link or project area did not follow it. */
function framesNotFollowing(frames: readonly Frame[]): Frame[] {
  return frames.filter(
    (frame) =>
      // Arrowheads pull a line back from the card by up to ~15 px.
      !frame.relationship.some((end) => near(end, frame.card, 18)) ||
      !frame.affiliation.some((end) => near(end, frame.card, 4)) ||
      !contains(frame.area, frame.card),
  );
}

/** React Flow's wrapper of the card (its transform is the node's position in the flow). */
const wrapper = (page: Page, name: string): Locator =>
  page.locator('.react-flow__node').filter({ has: organisationNode(page, name) });

const flowPosition = async (page: Page, name: string): Promise<Point> => {
  const transform = await wrapper(page, name).evaluate((element) => (element as HTMLElement).style.transform);
  const match = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(transform);
  if (!match) throw new Error(`no position in ${transform}`);
  return { x: Number(match[1]), y: Number(match[2]) };
};

async function grip(page: Page, name: string): Promise<Point> {
  const box = await cardGrip(organisationNode(page, name)).boundingBox();
  if (!box) throw new Error(`${name} is not on screen`);
  return { x: box.x + 10, y: box.y + 5 };
}

async function pressKeys(page: Page, keys: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press(keys);
}

describe('someone else’s drag (real Chromium, two pages, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let alice: TestPage;
  let bob: TestPage;
  let toNorth: RelationshipId;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Remote moves');
    const seeder = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seeder.whenSynced();
    const { doc } = seeder;
    const hub = addOrganisation(doc, { name: 'Hub', sector: 'municipality', position: { x: 0, y: 250 } });
    const north = addOrganisation(doc, { name: 'North', sector: 'education', position: { x: 700, y: 0 } });
    const pia = addPerson(doc, { name: 'Pia Jansen', organisationId: hub, position: { x: 40, y: 420 } });
    addProject(doc, { name: 'Area', memberIds: [hub, pia] });
    const line = connect(doc, { source: hub, target: north, kind: 'funding', direction: 'oneWay' });
    if (!line) throw new Error('could not seed the relationship');
    toNorth = line;
    await waitFor(async () => {
      const reader = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
      try {
        await reader.whenSynced();
        return readBoard(reader.doc).relationships.size === 1;
      } finally {
        reader.destroy();
      }
    }, 'the seeded board to be stored');
    seeder.destroy();
    alice = await newPage(suite.browser);
    bob = await newPage(suite.browser);
    const url = `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`;
    await joinBoard(alice.page, url, 'Alice Aalders', { waitFor: 'organisation' });
    await joinBoard(bob.page, url, 'Bob Bakker', { waitFor: 'organisation' });
    for (const page of [alice.page, bob.page]) {
      await waitFor(
        async () => (await page.getByTestId('relationship-path').count()) === 1,
        'the line to be drawn',
      );
    }
  }, 60_000);

  afterAll(async () => {
    await alice?.close().catch(() => undefined);
    await bob?.close().catch(() => undefined);
  });

  it('follows on the other page frame by frame, and the other page’s map knows where the card is after the drop', async () => {
    const start = await flowPosition(bob.page, 'Hub');
    await recordFrames(bob.page, toNorth);
    const from = await grip(alice.page, 'Hub');
    const { mouse } = alice.page;
    await mouse.move(from.x, from.y);
    await mouse.down();
    let midDrag: Frame[];
    try {
      // About 30 positions a second go out while dragging: ~40 steps of 20 ms give B plenty to show.
      for (let step = 1; step <= 40; step++) {
        await mouse.move(from.x + step * 8, from.y + step * 2);
        await alice.page.waitForTimeout(20);
      }
      await screenshot(bob.page, 'remote-move-mid-drag');
      midDrag = await bob.page.evaluate(() =>
        (window as unknown as { stopFrames: () => Frame[] }).stopFrames().slice(),
      );
      await recordFrames(bob.page, toNorth);
    } finally {
      await mouse.up();
    }
    // While A still held the card, B showed it moving, not only at the drop.
    expect(new Set(midDrag.map((frame) => frame.transform)).size).toBeGreaterThan(5);
    expect(new Set(midDrag.map((frame) => frame.minimap)).size).toBeGreaterThan(5);
    const dropped = await flowPosition(alice.page, 'Hub');
    expect(dropped.x).toBeGreaterThan(start.x + 200);
    await expect.poll(() => flowPosition(bob.page, 'Hub')).toEqual(dropped);
    // Past the catch-up pause: B's nodes array holds the drop too.
    await bob.page.waitForTimeout(500);
    const frames = [...midDrag, ...(await stopFrames(bob.page))];
    expect(framesNotFollowing(frames)).toEqual([]);
    await screenshot(bob.page, 'remote-move-dropped');

    // A's undo and redo are position-only changes too: B shows them, lines and area following.
    await recordFrames(bob.page, toNorth);
    await pressKeys(alice.page, 'Control+z');
    await expect.poll(() => flowPosition(bob.page, 'Hub')).toEqual(start);
    await pressKeys(alice.page, 'Control+Shift+z');
    await expect.poll(() => flowPosition(bob.page, 'Hub')).toEqual(dropped);
    await bob.page.waitForTimeout(500);
    expect(framesNotFollowing(await stopFrames(bob.page))).toEqual([]);

    // B selects the card and drags it from where it is now (not from where its nodes array last had it).
    await organisationNode(bob.page, 'Hub').click();
    await expect(wrapper(bob.page, 'Hub').getAttribute('class')).resolves.toMatch(/\bselected\b/);
    const at = await grip(bob.page, 'Hub');
    const zoom = await bob.page
      .locator('.react-flow__viewport')
      .evaluate((element) => Number(/scale\(([\d.]+)\)/.exec((element as HTMLElement).style.transform)?.[1]));
    await bob.page.mouse.move(at.x, at.y);
    await bob.page.mouse.down();
    await bob.page.mouse.move(at.x + 60, at.y + 30, { steps: 8 });
    await bob.page.mouse.up();
    // The drop's position, on both pages.
    await expect
      .poll(async () => JSON.stringify(await flowPosition(alice.page, 'Hub')))
      .toBe(JSON.stringify(await flowPosition(bob.page, 'Hub')));
    const moved = await flowPosition(bob.page, 'Hub');
    // Moved by about the pointer's way (React Flow starts the drag a step in), from the new place.
    expect(moved.x - dropped.x).toBeGreaterThan(30 / zoom);
    expect(moved.x - dropped.x).toBeLessThanOrEqual(60 / zoom + 1);
    expect(moved.y - dropped.y).toBeGreaterThan(15 / zoom);
    expect(moved.y - dropped.y).toBeLessThanOrEqual(30 / zoom + 1);

    // Fitting B's view takes the card's new place into account.
    await pressKeys(bob.page, 'f');
    await bob.page.waitForTimeout(400);
    const pane = await bob.page.locator('.react-flow').boundingBox();
    const card = await organisationNode(bob.page, 'Hub').boundingBox();
    if (!pane || !card) throw new Error('map or card not on screen');
    expect(contains(pane, card)).toBe(true);
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  });

  it('moves the card, its overview lines and the minimap on a large board watched at the overview', async () => {
    const { board: large } = await seedBoard(suite.server, {
      organisations: 520,
      people: 0,
      projects: 3,
      relationships: 700,
    });
    const url = `${suite.server.url}/b/${large.id}?key=${large.keys.edit}`;
    // Both pages remember their names from the first board.
    for (const page of [alice.page, bob.page]) {
      await page.goto(url);
      await page.locator('[data-status=connected]').waitFor();
      await page.getByTestId('organisation-node').first().waitFor();
    }
    // B stays at the opening overview: lines drawn by the overview layer, a canvas minimap.
    await bob.page.getByTestId('overview-edges').waitFor();
    const centre = await canvasCentre(alice.page);
    await wheelZoomTo(alice.page, (await organisationNear(alice.page, centre)).grip, 1);
    await alice.page.waitForTimeout(800);
    const grabbed = await organisationNear(alice.page, centre);
    const reader = connectClient(suite.server.wsUrl, large.id, large.keys.edit);
    await reader.whenSynced();
    const degree = [...readBoard(reader.doc).relationships.values()].filter(
      (r) => r.source === grabbed.id || r.target === grabbed.id,
    ).length;
    reader.destroy();
    expect(degree).toBeGreaterThan(0);
    const minimap = (): Promise<string> =>
      bob.page.$eval('.ip-canvas-minimap canvas', (canvas) => (canvas as HTMLCanvasElement).toDataURL());
    const minimapBefore = await minimap();

    // Per frame in B: the card's box in flow units, and how many overview line ends lie at it.
    await bob.page.evaluate((id) => {
      const frames: Array<{ transform: string; ends: number }> = [];
      let running = true;
      const tick = (): void => {
        if (!running) return;
        const card = document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
        const at = /translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)/.exec(card?.style.transform ?? '');
        let ends = 0;
        if (card && at) {
          const [x, y] = [Number(at[1]), Number(at[2])];
          const margin = 20;
          const near = (px: number, py: number): boolean =>
            px > x - margin &&
            px < x + card.offsetWidth + margin &&
            py > y - margin &&
            py < y + card.offsetHeight + margin;
          for (const path of Array.from(document.querySelectorAll('[data-testid=overview-edges] path'))) {
            for (const part of (path.getAttribute('d') ?? '').split('M').slice(1)) {
              const numbers = part.match(/-?[\d.]+/g)?.map(Number) ?? [];
              const last = numbers.length - 2;
              if (
                near(numbers[0] ?? NaN, numbers[1] ?? NaN) ||
                near(numbers[last] ?? NaN, numbers[last + 1] ?? NaN)
              )
                ends++;
            }
          }
        }
        frames.push({ transform: card?.style.transform ?? '', ends });
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      (window as unknown as { stopFrames: () => unknown[] }).stopFrames = () => {
        running = false;
        return frames;
      };
    }, grabbed.id);

    const { mouse } = alice.page;
    await mouse.move(grabbed.grip.x, grabbed.grip.y);
    await mouse.down();
    let frames: Array<{ transform: string; ends: number }>;
    let minimapMidDrag: string;
    try {
      for (let step = 1; step <= 40; step++) {
        await mouse.move(grabbed.grip.x - step * 8, grabbed.grip.y + step * 4);
        await alice.page.waitForTimeout(20);
      }
      // While A still holds the card (moves come faster than the nodes array's catch-up pause).
      minimapMidDrag = await minimap();
      frames = await bob.page.evaluate(() =>
        (window as unknown as { stopFrames: () => Array<{ transform: string; ends: number }> }).stopFrames(),
      );
    } finally {
      await mouse.up();
    }
    const moving = frames.filter((frame) => frame.transform !== frames[0]?.transform);
    expect(new Set(moving.map((frame) => frame.transform)).size).toBeGreaterThan(5);
    // Every line of the card ends at it, wherever it is, in every frame.
    expect(moving.filter((frame) => frame.ends < degree)).toEqual([]);
    expect(minimapMidDrag).not.toBe(minimapBefore);
    await screenshot(bob.page, 'remote-move-overview');
    expect(alice.errors).toEqual([]);
    expect(bob.errors).toEqual([]);
  }, 120_000);
});
