import * as Y from 'yjs';
import { afterEach, describe, expect, it } from 'vitest';
import { addOrganisation, readBoard } from '@interplay/shared';
import { exportBoardJson } from '@interplay/shared/formats/index';
import {
  BoardFileTooCostly,
  CreateRequestReader,
  OFF_THREAD_MIN_BYTES,
  ReaderBusy,
} from './CreateRequestReader.ts';
import type { CreateRequest } from './parseCreateRequest.ts';

const SECTORS = ['municipality', 'housing', 'care', 'education'] as const;

/** A create request whose board file is well over the off-thread size. */
function largeRequest(): { body: Uint8Array; organisations: number } {
  const doc = new Y.Doc();
  const organisations = 1500;
  for (let i = 0; i < organisations; i++) {
    addOrganisation(doc, {
      name: `Organisatie ${i}`,
      sector: SECTORS[i % SECTORS.length] ?? 'care',
      position: { x: (i % 40) * 260, y: Math.floor(i / 40) * 140 },
    });
  }
  const board = JSON.parse(exportBoardJson(readBoard(doc))) as unknown;
  return { body: new TextEncoder().encode(JSON.stringify({ title: 'Groot', board })), organisations };
}

function organisationsIn(request: CreateRequest): number {
  if (request.kind !== 'parsed' || !request.board?.ok) throw new Error('expected a readable board file');
  const doc = new Y.Doc();
  Y.applyUpdate(doc, request.board.value);
  return readBoard(doc).organisations.size;
}

// Workers parse real board files: seconds each on a busy machine, beyond the unit project's 5 s default.
describe('CreateRequestReader', { timeout: 30_000 }, () => {
  const reader = new CreateRequestReader();
  afterEach(async () => {
    await reader.close();
  });

  it('reads a large board file in its worker while the event loop keeps running', async () => {
    const { body, organisations } = largeRequest();
    expect(body.byteLength).toBeGreaterThan(OFF_THREAD_MIN_BYTES);
    let ticks = 0;
    const ticking = setInterval(() => (ticks += 1), 1);
    try {
      const request = await reader.read(body);
      expect(organisationsIn(request)).toBe(organisations);
    } finally {
      clearInterval(ticking);
    }
    // Read on the event loop, not one timer could have fired before the answer.
    expect(ticks).toBeGreaterThan(0);
  });

  it('answers a title-only body, broken JSON and a broken board file as the API needs them', async () => {
    expect(await reader.read(new TextEncoder().encode('{"title":"Klein"}'))).toEqual({
      kind: 'parsed',
      title: 'Klein',
      board: null,
    });
    const padding = ' '.repeat(OFF_THREAD_MIN_BYTES);
    expect(await reader.read(new TextEncoder().encode(`{"title": ${padding}`))).toEqual({
      kind: 'invalid-json',
    });
    const broken = await reader.read(
      new TextEncoder().encode(JSON.stringify({ title: 'Kapot', board: { format: 'nope' }, padding })),
    );
    expect(broken.kind === 'parsed' && broken.board?.ok === false).toBe(true);
  });

  it('starts a new worker after close', async () => {
    await reader.close();
    const { body, organisations } = largeRequest();
    expect(organisationsIn(await reader.read(body))).toBe(organisations);
  });

  it('gives up a file over its time budget and refuses files beyond the queue at once', async () => {
    const strict = new CreateRequestReader({ timeoutMs: 50, maxHeapMb: 256, maxQueued: 1 });
    try {
      const first = strict.read(largeRequest().body);
      const second = strict.read(largeRequest().body);
      await expect(strict.read(largeRequest().body)).rejects.toThrow(ReaderBusy);
      // Starting the worker alone takes longer than 50 ms: both are given up, one after the other.
      await expect(first).rejects.toThrow(BoardFileTooCostly);
      await expect(second).rejects.toThrow(BoardFileTooCostly);
    } finally {
      await strict.close();
    }
  });
});
