import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addOrganisation, addThread, connect, setLayoutLocked } from '@interplay/shared';
import { mkdir } from 'node:fs/promises';
import { commentBadgeCount, joinBoard, organisationNode, selectOrganisation } from '../support/boardPage.ts';
import { newPage, screenshotDir, type TestPage } from '../support/browser.ts';
import { useBrowserSuite } from '../support/browserSuite.ts';
import { connectClient, createBoard, type CreatedBoard, type SyncClient } from '../support/syncClient.ts';

/**
 * Comment threads and free notes with real Chromium pages on the real server:
 * a facilitator, a participant and a view-only reader, each in its own
 * browser context. Screenshots of the comments in en and nl are saved under
 * test-output/screenshots/.
 */

/** Scrolls the side panel (not the page) to its comments, then saves what the screen shows. */
async function commentsShot(page: Page, name: string): Promise<void> {
  await page.getByTestId('selection-comments').evaluate((section) => {
    const panel = section.closest('.ip-panel');
    if (panel instanceof HTMLElement) {
      panel.scrollTop += section.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
    }
  });
  await mkdir(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

describe('annotations: comment threads and notes (real Chromium pages, real server)', () => {
  const suite = useBrowserSuite();
  let board: CreatedBoard;
  let facilitator: TestPage;
  let alice: TestPage;
  let viewer: TestPage;

  beforeAll(async () => {
    board = await createBoard(suite.server.url, 'Regio Zwolle: wonen en zorg');
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    await client.whenSynced();
    const gemeente = addOrganisation(client.doc, {
      name: 'Gemeente Zwolle',
      sector: 'municipality',
      position: { x: 0, y: 0 },
    });
    const veste = addOrganisation(client.doc, {
      name: 'Woonstichting De Veste',
      sector: 'housing',
      position: { x: 420, y: 60 },
    });
    connect(client.doc, { source: gemeente, target: veste });
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.destroy();

    facilitator = await newPage(suite.browser, { viewport: { width: 1400, height: 900 } });
    alice = await newPage(suite.browser);
    viewer = await newPage(suite.browser);
    await joinBoard(
      facilitator.page,
      `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
      'Femke',
    );
    await joinBoard(alice.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Alice Aalders');
    await joinBoard(viewer.page, `${suite.server.url}/b/${board.id}?key=${board.keys.view}`, 'Victor Viewer');
  });

  afterAll(async () => {
    for (const tab of [facilitator, alice, viewer]) await tab?.close().catch(() => undefined);
  });

  it('shows a new thread live on another page with a badge; replies, resolve and reopen are live', async () => {
    await selectOrganisation(alice.page, 'Gemeente Zwolle');
    await alice.page.getByTestId('comment-new-text').fill('We never talk to their housing team.');
    await alice.page.getByTestId('comment-new-send').click();

    // The facilitator sees the badge on the card, and the thread with its author in the panel.
    await expect.poll(() => commentBadgeCount(facilitator.page, 'Gemeente Zwolle')).toBe('1');
    await selectOrganisation(facilitator.page, 'Gemeente Zwolle');
    const thread = facilitator.page.getByTestId('comment-thread');
    await expect.poll(() => thread.textContent()).toContain('We never talk to their housing team.');
    expect(await thread.textContent()).toContain('Alice Aalders');
    expect(await thread.locator('time').first().getAttribute('title')).toMatch(/\d{2}:\d{2}/);

    await facilitator.page.getByTestId('comment-reply-text').fill('Let us invite them next month.');
    await facilitator.page.getByTestId('comment-reply-send').click();
    const aliceThread = alice.page.getByTestId('comment-thread');
    await expect.poll(() => aliceThread.getByTestId('comment-message').count()).toBe(2);
    expect(await aliceThread.textContent()).toContain('Femke');

    await alice.page.getByTestId('comment-resolve').click();
    await expect.poll(() => commentBadgeCount(facilitator.page, 'Gemeente Zwolle')).toBe(null);
    await expect.poll(() => facilitator.page.getByTestId('comment-thread').count()).toBe(0);
    // Not "No comments yet": the resolved thread is still there, one click away.
    expect(await facilitator.page.getByTestId('comments-none').textContent()).toBe('No open comments.');

    await facilitator.page.getByRole('button', { name: 'Show resolved (1)' }).click();
    await facilitator.page.getByTestId('comment-reopen').click();
    await expect.poll(() => commentBadgeCount(alice.page, 'Gemeente Zwolle')).toBe('1');
    await expect.poll(() => alice.page.getByTestId('comment-resolve').count()).toBe(1);
  });

  it('lets a view-only reader comment only once the facilitator allows it', async () => {
    await selectOrganisation(viewer.page, 'Woonstichting De Veste');
    await viewer.page.getByTestId('comment-refused').waitFor();
    expect(await viewer.page.getByTestId('comment-new-text').count()).toBe(0);

    await facilitator.page.getByTestId('open-comments').click();
    await facilitator.page.getByTestId('viewers-may-comment').check();

    await viewer.page.getByTestId('comment-new-text').fill('As a council member: who pays for this?');
    await viewer.page.getByTestId('comment-new-send').click();
    await expect.poll(() => commentBadgeCount(alice.page, 'Woonstichting De Veste')).toBe('1');

    // The list of open threads counts both and jumps to the viewer's one.
    await expect.poll(() => facilitator.page.getByTestId('open-comments').textContent()).toBe('Comments (2)');
    const item = facilitator.page.getByTestId('open-thread').filter({ hasText: 'who pays for this' });
    await item.click();
    await expect
      .poll(() =>
        organisationNode(facilitator.page, 'Woonstichting De Veste')
          .and(facilitator.page.locator('.ip-org--selected'))
          .count(),
      )
      .toBe(1);
    await facilitator.page.getByTestId('close-drawer').click();
  });

  it('places a free note that others see and can answer', async () => {
    await alice.page.getByTestId('add-note').click();
    await alice.page.getByTestId('note-new-text').fill('Parking lot: funding after 2027');
    // Escape asks before it throws typed text away; saying no keeps the note and its text.
    const asked: string[] = [];
    alice.page.once('dialog', (dialog) => {
      asked.push(dialog.message());
      void dialog.dismiss();
    });
    await alice.page.getByTestId('note-new-text').press('Escape');
    await expect.poll(() => asked).toEqual(['Throw this note away? What you typed is lost.']);
    expect(await alice.page.getByTestId('note-new-text').inputValue()).toBe(
      'Parking lot: funding after 2027',
    );
    await alice.page.getByTestId('note-new-send').click();
    const note = facilitator.page.getByTestId('note').filter({ hasText: 'Parking lot' });
    await note.waitFor();
    await note.click();
    await note.getByTestId('comment-reply-text').fill('On the agenda for spring.');
    await note.getByTestId('comment-reply-send').click();
    await expect.poll(() => alice.page.getByTestId('note').filter({ hasText: '1 reply' }).count()).toBe(1);
  });

  it('moves a note by dragging, except while the layout is locked', async () => {
    const transform = (page: Page): Promise<string | null> =>
      page
        .getByTestId('note')
        .filter({ hasText: 'Parking lot' })
        .evaluate((element) => (element as HTMLElement).style.transform);
    const drag = async (): Promise<void> => {
      const box = await alice.page.getByTestId('note').filter({ hasText: 'Parking lot' }).boundingBox();
      if (!box) throw new Error('note not on screen');
      await alice.page.mouse.move(box.x + 30, box.y + 12);
      await alice.page.mouse.down();
      for (let step = 1; step <= 5; step++)
        await alice.page.mouse.move(box.x + 30 + step * 16, box.y + 12 + step * 8);
      await alice.page.mouse.up();
    };
    const facilitatorClient: SyncClient = connectClient(suite.server.wsUrl, board.id, board.keys.facilitator);
    try {
      await facilitatorClient.whenSynced();
      setLayoutLocked(facilitatorClient.doc, true);
      await expect
        .poll(() => alice.page.getByTestId('note').filter({ hasText: 'Parking lot' }).getAttribute('title'))
        .toBe('The layout is locked: notes stay where they are.');
      const before = await transform(facilitator.page);
      await drag();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await transform(facilitator.page)).toBe(before);

      setLayoutLocked(facilitatorClient.doc, false);
      await expect
        .poll(() => alice.page.getByTestId('note').filter({ hasText: 'Parking lot' }).getAttribute('title'))
        .toBe(null);
      await drag();
      await expect.poll(() => transform(facilitator.page)).not.toBe(before);
    } finally {
      facilitatorClient.destroy();
    }
  });

  it('takes screenshots of the comments in English and Dutch', async () => {
    const { page } = facilitator;
    await selectOrganisation(page, 'Gemeente Zwolle');
    await page.getByTestId('open-comments').click();
    await commentsShot(page, 'annotations-comments-en');
    await page.getByTestId('close-drawer').click();

    const dutch = await newPage(suite.browser, { language: 'nl-NL', viewport: { width: 1400, height: 900 } });
    try {
      await joinBoard(
        dutch.page,
        `${suite.server.url}/b/${board.id}?key=${board.keys.facilitator}`,
        'Femke',
        {
          language: 'nl',
        },
      );
      await selectOrganisation(dutch.page, 'Gemeente Zwolle');
      await dutch.page.getByTestId('open-comments').click();
      await expect.poll(() => dutch.page.getByTestId('open-comments').textContent()).toBe('Opmerkingen (3)');
      await commentsShot(dutch.page, 'annotations-comments-nl');
      expect(dutch.errors).toEqual([]);
    } finally {
      await dutch.close();
    }
    expect(facilitator.errors).toEqual([]);
    expect(alice.errors).toEqual([]);
  });

  it('fits a note far beside the map into view with the rest (F)', async () => {
    const client = connectClient(suite.server.wsUrl, board.id, board.keys.edit);
    try {
      await client.whenSynced();
      addThread(client.doc, {
        position: { x: 5200, y: 3100 },
        author: { name: 'Bert', colour: '#993366' },
        text: 'Far corner: ask the province',
      });
      const note = alice.page.getByTestId('note').filter({ hasText: 'Far corner' });
      await note.waitFor({ state: 'attached' });
      const inView = async (locator: typeof note): Promise<boolean> => {
        const box = await locator.boundingBox();
        const size = alice.page.viewportSize();
        return (
          !!box &&
          !!size &&
          box.x >= 0 &&
          box.y >= 0 &&
          box.x + box.width <= size.width &&
          box.y + 40 <= size.height
        );
      };
      expect(await inView(note)).toBe(false);
      await alice.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await alice.page.keyboard.press('f');
      await expect.poll(() => inView(note)).toBe(true);
      // Zoomed out this far the cards drop their names: check every node by its wrapper.
      const nodes = alice.page.locator('.react-flow__node');
      expect(await nodes.count()).toBe(2);
      for (const node of await nodes.all()) expect(await inView(node)).toBe(true);

      // A page opening the board fits it with the note too.
      const late = await newPage(suite.browser);
      try {
        await joinBoard(late.page, `${suite.server.url}/b/${board.id}?key=${board.keys.edit}`, 'Late Lotte');
        const lateNote = late.page.getByTestId('note').filter({ hasText: 'Far corner' });
        await lateNote.waitFor({ state: 'attached' });
        await late.page.waitForTimeout(500);
        const box = await lateNote.boundingBox();
        const size = late.page.viewportSize();
        expect(
          box && size && box.y >= 0 && box.x + box.width <= size.width && box.y + 40 <= size.height,
        ).toBe(true);
      } finally {
        await late.close();
      }
    } finally {
      client.destroy();
    }
  });
});
