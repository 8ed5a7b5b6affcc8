import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-full-'));
const servers: ServerHandle[] = [];
const clients: SyncClient[] = [];

afterAll(async () => {
  for (const c of clients) c.destroy();
  for (const s of servers) await s.cleanup();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<ServerHandle> {
  const server = await startServer({ dataDir, env });
  servers.push(server);
  return server;
}

describe('a full disk (MAX_DATABASE_BYTES stands in for it)', () => {
  it('says so in /healthz and the API, closes writers with 4507, and stores their kept edits once there is room', async () => {
    const full = await start({ MAX_DATABASE_BYTES: String(160 * 1024) });
    const board = await createBoard(full.url, 'Full disk');
    const writer = connectClient(full.wsUrl, board.id, board.keys.edit);
    clients.push(writer);
    await writer.whenSynced();
    const text = 'z'.repeat(8 * 1024);
    let written = 0;
    while (!writer.closes.some((close) => close.code === 4507) && written < 60) {
      writer.doc.getMap('m').set(`k${written}`, text);
      written += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(writer.closes.find((close) => close.code === 4507)?.reason).toBe('server cannot save');

    const health = await fetch(`${full.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, trouble: 'storage-full' });
    const created = await fetch(`${full.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x'.repeat(200), padding: 'p'.repeat(100 * 1024) }),
    });
    // A title-only board may still fit in a page that has room; what it answers must never be a bare 500.
    expect([201, 507]).toContain(created.status);
    expect(
      full.logs.some((line) => line.includes('storage is full') && line.includes(`"level":"error"`)),
    ).toBe(true);

    // Space is freed (here: the server restarts without the limit, on the same port): the writer's edits,
    // kept in its own copy all along, are stored when it reconnects.
    writer.provider.disconnect();
    expect(await full.stop()).toBe(0);
    const roomy = await start({ PORT: String(full.port) });
    writer.provider.connect();
    const reader = connectClient(roomy.wsUrl, board.id, board.keys.view);
    clients.push(reader);
    await waitFor(
      () => reader.doc.getMap('m').size === written,
      `the reader to see all ${written} edits`,
      30_000,
    );
    expect((await fetch(`${roomy.url}/healthz`)).status).toBe(200);
  });
});
