import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addPerson, readBoard } from '@interplay/shared';
import { joinBoard } from '../support/boardPage.ts';
import { newPage, screenshot, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';

/**
 * Long Dutch words in names break between syllables, with a hyphen, on the map and in present mode (issue
 * 18: "Huurdersverenigin g", "Bonaventuracolleg e"), never inside a syllable.
 */

const SOFT_HYPHEN = '\u00ad';

interface NameLines {
  readonly name: string;
  /** The characters before which the browser started a new line. */
  readonly breaksAfter: string[];
}

/** For every name on the map, the character each of its lines after the first follows in its text. */
function nameLines(page: Page): Promise<NameLines[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.ip-org__name, .ip-person__name'), (element) => {
      const text = element.firstChild;
      const content = text?.textContent ?? '';
      const breaksAfter: string[] = [];
      let top: number | null = null;
      for (let i = 0; text && i < content.length; i += 1) {
        const range = document.createRange();
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        // A character that starts a line can also report an empty box at the end of the line before.
        const rect = Array.from(range.getClientRects()).findLast((box) => box.width > 0);
        // A soft hyphen where no line breaks takes no room.
        if (!rect) continue;
        if (top !== null && rect.top > top + rect.height / 2) breaksAfter.push(content[i - 1] ?? '');
        top = rect.top;
      }
      return { name: content, breaksAfter };
    }),
  );
}

function expectBreaksBetweenSyllables(all: readonly NameLines[]): number {
  let hyphenated = 0;
  for (const { name, breaksAfter } of all) {
    for (const before of breaksAfter) expect([' ', SOFT_HYPHEN, '-'], name).toContain(before);
    hyphenated += breaksAfter.filter((before) => before === SOFT_HYPHEN).length;
  }
  return hyphenated;
}

describe('long Dutch words in names (real Chromium, real server)', () => {
  const suite = useBrowserSuite();
  let page: TestPage;

  beforeAll(async () => {
    const board = await createBoard(suite.server.url, 'Leidse partners');
    const seeder = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    await seeder.whenSynced();
    const names = [
      'Werkgeversvereniging Holland Rijnland',
      'Stichting Jeugdgezondheidszorgcoördinatie',
      'Huurdersvereniging Leiden-Noord',
      'Bonaventuracollege',
    ];
    const ids = names.map((name, i) =>
      addOrganisation(seeder.doc, {
        name,
        sector: 'education',
        position: { x: (i % 2) * 420, y: Math.floor(i / 2) * 260 },
      }),
    );
    addPerson(seeder.doc, {
      name: 'Anne-Marijke Schimmelpenninck',
      organisationId: ids[0]!,
      position: { x: 120, y: 560 },
    });
    seeder.destroy();
    const stored = async (): Promise<number> => {
      const reader = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
      try {
        await reader.whenSynced();
        return readBoard(reader.doc).people.size;
      } finally {
        reader.destroy();
      }
    };
    await waitFor(async () => (await stored()) === 1, 'the seeded names to be stored');
    page = await newPage(suite.browser, { viewport: { width: 1920, height: 1080 } });
    await joinBoard(page.page, `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`, 'Fatima');
    await page.page.locator('.ip-person__name').waitFor();
  });

  afterAll(async () => {
    await page?.close().catch(() => undefined);
  });

  it('breaks them between syllables with a hyphen, on the map and in present mode', async () => {
    expect(expectBreaksBetweenSyllables(await nameLines(page.page))).toBeGreaterThanOrEqual(2);
    await screenshot(page.page, 'long-names-map');
    await page.page.keyboard.press('Shift+P');
    await page.page.getByTestId('present-exit').waitFor();
    await page.page.waitForTimeout(400);
    expect(expectBreaksBetweenSyllables(await nameLines(page.page))).toBeGreaterThanOrEqual(2);
    await screenshot(page.page, 'long-names-present');
    await page.page.keyboard.press('Escape');
    expect(page.errors).toEqual([]);
  });
});
