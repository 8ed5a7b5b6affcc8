import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LABEL_BOARD,
  writeBadgeUnderCardBoard,
  writeCrowdedTagBoard,
  writeOutsiderBoard,
  writeTagOnPersonBoard,
} from '../../client/src/canvas/testing/labelBoards.ts';
import { exportFile, joinBoard } from '../support/boardPage.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * Labels on the map that used to lie on cards (issue 18): a project's name tag on a person's circle, a
 * relationship's ⚠ and 💬 on the card across its middle. Checked on the drawn map (the elements' boxes on
 * screen) and, for the tags, in the SVG export drawn by Chromium, with screenshots in English and Dutch.
 * A card a project's area takes in without being a member gets a dashed frame, and the tag says so.
 */

const LANGUAGES = [
  {
    locale: 'en-GB',
    code: 'en',
    nameLabel: 'Your name',
    join: 'Join the board',
    outsider: `${LABEL_BOARD.areaProject}: its area also takes in ${LABEL_BOARD.outsider}, not a member (dashed frame)`,
    showLegend: 'Show legend',
    legendLine: 'A dashed frame inside an area: not a member of that project',
  },
  {
    locale: 'nl-NL',
    code: 'nl',
    nameLabel: 'Uw naam',
    join: 'Naar het bord',
    outsider: `${LABEL_BOARD.areaProject}: het vlak omvat ook ${LABEL_BOARD.outsider}, geen lid (gestreept kader)`,
    showLegend: 'Legenda tonen',
    legendLine: 'Een gestreept kader in een vlak: geen lid van dat project',
  },
] as const;

interface Named {
  readonly name: string;
  readonly box: { left: number; top: number; right: number; bottom: number };
}

/** Pairs of (tag, card/person/other tag) whose boxes intersect, among the elements `selectors` find. */
function overlapsIn(
  page: Page,
  selectors: { tags: string; nodes: string },
): Promise<Array<[string, string]>> {
  return page.evaluate(({ tags, nodes }) => {
    const named = (selector: string): Named[] =>
      Array.from(document.querySelectorAll<Element>(selector), (element) => {
        const r = element.getBoundingClientRect();
        const name =
          element.getAttribute('aria-label') ?? element.getAttribute('data-id') ?? element.textContent ?? '';
        return { name, box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom } };
      });
    const hit = (a: Named['box'], b: Named['box']) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const labels = named(tags);
    const others = named(nodes);
    const found: Array<[string, string]> = [];
    labels.forEach((label, i) => {
      for (const other of [...others, ...labels.slice(i + 1)])
        if (hit(label.box, other.box)) found.push([label.name, other.name]);
    });
    if (labels.length === 0) found.push(['no tags found', tags]);
    return found;
  }, selectors);
}

describe('labels on the map clear of cards', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let crowded: CreatedBoard;

  beforeAll(async () => {
    crowded = await createBoard(suite.server.url, 'Jeugdhulp');
    const writer = connectClient(suite.server.wsUrl, crowded.id, crowded.keys.edit);
    await writer.whenSynced();
    writeCrowdedTagBoard(writer.doc);
    await new Promise((resolve) => setTimeout(resolve, 300));
    writer.destroy();

    board = await createBoard(suite.server.url, 'Leiden-Noord');
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await client.whenSynced();
    writeTagOnPersonBoard(client.doc);
    writeBadgeUnderCardBoard(client.doc);
    writeOutsiderBoard(client.doc);
    await new Promise((resolve) => setTimeout(resolve, 500));
    client.destroy();
  });

  for (const language of LANGUAGES) {
    it(`puts project "${LABEL_BOARD.project}"'s name tag off the person's circle (map and SVG) a relationship's badges off the card on its middle, and a non-member in an area framed (${language.code})`, async () => {
      const tab = await newPage(suite.browser, {
        language: language.locale,
        viewport: { width: 1600, height: 1000 },
      });
      try {
        const { page } = tab;
        await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Deelnemer', {
          labels: language,
          waitFor: 'organisation',
        });
        await expect.poll(() => page.getByTestId('project-label').count()).toBe(3);
        await page.getByTestId('person-node').filter({ hasText: LABEL_BOARD.person }).waitFor();
        // The tags are placed again once their drawn widths are known.
        await new Promise((resolve) => setTimeout(resolve, 600));
        await screenshot(page, `map-labels-tag-clear-${language.code}`);
        expect(
          await overlapsIn(page, {
            tags: '[data-testid=project-label]',
            nodes: '[data-testid=organisation-node], [data-testid=person-node]',
          }),
        ).toEqual([]);

        // The relationship's ⚠ and 💬 sit on its line, off the card that lies across its middle.
        const badges = page.getByTestId('edge-badges');
        await badges.getByTestId('edge-stale').waitFor();
        await badges.getByTestId('comment-badge').waitFor();
        expect(
          await overlapsIn(page, {
            tags: '[data-testid=edge-badges]',
            nodes: '[data-testid=organisation-node], [data-testid=person-node]',
          }),
        ).toEqual([]);
        const badgeBox = (await badges.boundingBox())!;
        // The badges' line: the one running beneath them (the order of lines in the page is the order their
        // updates arrived in).
        const lines = await page.getByTestId('relationship-path').evaluateAll((paths) =>
          paths.map((path) => {
            const r = path.getBoundingClientRect();
            return { x: r.x, y: r.y, width: r.width, height: r.height };
          }),
        );
        const middle = badgeBox.x + badgeBox.width / 2;
        const lineBox = lines
          .filter((line) => line.x < middle && middle < line.x + line.width)
          .sort((a, b) => Math.abs(a.y - badgeBox.y) - Math.abs(b.y - badgeBox.y))[0]!;
        // Just above the (horizontal) line, between its ends.
        expect(lineBox.y - (badgeBox.y + badgeBox.height)).toBeGreaterThanOrEqual(0);
        expect(lineBox.y - (badgeBox.y + badgeBox.height)).toBeLessThan(24);
        expect(badgeBox.x).toBeGreaterThan(lineBox.x);
        expect(badgeBox.x + badgeBox.width).toBeLessThan(lineBox.x + lineBox.width);

        // A card the area of "Wijkaanpak Noord" takes in without its being a member: a dashed frame
        // cut out around it, and the project's tag says so.
        const outsiderCard = (await page
          .getByTestId('organisation-node')
          .filter({ hasText: LABEL_BOARD.outsider })
          .boundingBox())!;
        const frames = page.getByTestId('project-outsider');
        expect(await frames.count()).toBe(1);
        const frame = (await frames.boundingBox())!;
        expect(frame.x).toBeLessThan(outsiderCard.x);
        expect(frame.y).toBeLessThan(outsiderCard.y);
        expect(frame.x + frame.width).toBeGreaterThan(outsiderCard.x + outsiderCard.width);
        expect(frame.y + frame.height).toBeGreaterThan(outsiderCard.y + outsiderCard.height);
        const areaTag = page.getByTestId('project-label').filter({ hasText: LABEL_BOARD.areaProject });
        expect(await areaTag.getAttribute('title')).toBe(language.outsider);
        await areaTag.hover();
        await screenshot(page, `map-labels-outsider-${language.code}`);
        // The legend explains the frame.
        await page.getByRole('button', { name: language.showLegend }).click();
        await page.getByTestId('legend').getByText(language.legendLine).waitFor();
        await screenshot(page, `map-labels-legend-${language.code}`);
        await page.getByTestId('legend').getByRole('button').first().click();

        if (language.code !== 'en') return;
        const svg = await exportFile(page, async (dialog) => {
          await dialog.getByLabel(/^SVG/).check();
        });
        const markup = svg.bytes.toString('utf8');
        expect(markup).toContain(`>${LABEL_BOARD.project}</text>`);
        // Chromium draws the file on a page of its own (the map's styles would restyle its classes), and
        // the same check runs on its elements.
        const drawn = await tab.context.newPage();
        await drawn.setContent(`<body style="margin:0">${markup}</body>`);
        await screenshot(drawn, `map-labels-tag-clear-svg-${language.code}`);
        expect(
          await overlapsIn(drawn, {
            tags: 'g.ip-project-label',
            nodes: 'g.ip-org, g.ip-person',
          }),
        ).toEqual([]);
        expect(await drawn.locator('rect.ip-project-outsider').count()).toBe(1);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }

  for (const language of LANGUAGES) {
    it(`shortens a tag with an ellipsis where the whole tag fits nowhere, the whole name on hover (${language.code})`, async () => {
      const tab = await newPage(suite.browser, {
        language: language.locale,
        viewport: { width: 1600, height: 1000 },
      });
      try {
        const { page } = tab;
        await joinBoard(page, `${suite.server.url}/b/${crowded.id}?key=${crowded.keys.edit}`, 'Deelnemer', {
          labels: language,
          waitFor: 'organisation',
        });
        const tag = page.getByTestId('project-label');
        await tag.waitFor();
        await new Promise((resolve) => setTimeout(resolve, 600));
        const text = (await tag.textContent()) ?? '';
        expect(text.endsWith('…')).toBe(true);
        expect(LABEL_BOARD.crowdedProject.startsWith(text.slice(0, -1))).toBe(true);
        expect(await tag.getAttribute('title')).toBe(LABEL_BOARD.crowdedProject);
        expect(await tag.getAttribute('aria-label')).toContain(LABEL_BOARD.crowdedProject);
        expect(
          await overlapsIn(page, {
            tags: '[data-testid=project-label]',
            nodes: '[data-testid=organisation-node], [data-testid=person-node]',
          }),
        ).toEqual([]);
        await screenshot(page, `map-labels-shortened-${language.code}`);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  }
});
