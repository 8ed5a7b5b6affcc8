import { addOrganisation } from '@interplay/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import { focusMap, joinBoard, organisationNode } from '../support/boardPage.ts';
import { newPage, screenshot } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard } from '../support/syncClient.ts';

/**
 * A new free note (N, the session bar's Note button) lands in free space: on a board of one card the
 * fitted view's middle is that card, where a note used to land on it (issue 18).
 */

const LANGUAGES = [
  { locale: 'en-GB', code: 'en', nameLabel: 'Your name', join: 'Join the board' },
  { locale: 'nl-NL', code: 'nl', nameLabel: 'Uw naam', join: 'Naar het bord' },
] as const;

describe('a new note lands in free space', () => {
  const suite = useBrowserSuite();
  const boards: CreatedBoard[] = [];

  beforeAll(async () => {
    for (const language of LANGUAGES) {
      const board = await createBoard(suite.server.url, `Notitie ${language.code}`);
      const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
      await client.whenSynced();
      addOrganisation(client.doc, {
        name: 'Gemeente Leiden',
        sector: 'municipality',
        position: { x: 0, y: 0 },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      client.destroy();
      boards.push(board);
    }
  });

  LANGUAGES.forEach((language, index) => {
    it(`N in the middle of a one-card board puts the note beside the card, not on it (${language.code})`, async () => {
      const tab = await newPage(suite.browser, {
        language: language.locale,
        viewport: { width: 1280, height: 800 },
      });
      try {
        const { page } = tab;
        const board = boards[index]!;
        await joinBoard(page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Deelnemer', {
          labels: language,
          waitFor: 'organisation',
        });
        await new Promise((resolve) => setTimeout(resolve, 400));
        const card = (await organisationNode(page, 'Gemeente Leiden').boundingBox())!;
        // The view's middle is on the card: that is where the note would go.
        const map = (await page.getByTestId('board-canvas').boundingBox())!;
        const middle = { x: map.x + map.width / 2, y: map.y + map.height / 2 };
        expect(middle.x > card.x && middle.x < card.x + card.width).toBe(true);
        expect(middle.y > card.y - 80 && middle.y < card.y + card.height + 80).toBe(true);

        await focusMap(page);
        await page.keyboard.press('n');
        await page.getByTestId('note-new-text').fill('Wie neemt contact op met de wijkagent?');
        await page.getByTestId('note-new-send').click();
        const note = page.getByTestId('note').filter({ hasText: 'wijkagent' });
        await note.waitFor();
        await page.mouse.click(map.x + 30, map.y + map.height - 160);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await screenshot(page, `map-new-note-${language.code}`);
        const placed = (await note.boundingBox())!;
        const apart =
          placed.x >= card.x + card.width ||
          card.x >= placed.x + placed.width ||
          placed.y >= card.y + card.height ||
          card.y >= placed.y + placed.height;
        expect(apart, JSON.stringify({ placed, card })).toBe(true);
        // Beside it, not somewhere far off.
        const distance = Math.hypot(
          placed.x + placed.width / 2 - (card.x + card.width / 2),
          placed.y + placed.height / 2 - (card.y + card.height / 2),
        );
        expect(distance).toBeLessThan(400);
        expect(tab.errors).toEqual([]);
      } finally {
        await tab.close();
      }
    });
  });
});
