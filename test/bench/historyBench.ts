/**
 * `npm run bench:history`: the history benchmark of issue 16. On the bench board (1,000 organisations, 300
 * people, 20 projects, 3,000 relationships) pushed into the real server, a participant makes 1,000 edits
 * (moves, renames, strengths, health scores, new and deleted organisations and relationships) while the
 * facilitator names a moment after every 20 of them (50 moments). Prints:
 *  - the size of one state of the board (Yjs-encoded, as a new participant receives it);
 *  - the database after the server's clean stop: file size, and what the history takes (states, moments);
 *  - what the same 50 moments would take as whole states, and as deflated whole states;
 *  - the time to open a moment after a restart: the state over HTTP, and decoding it into the board.
 *  - the time to open a moment on a viewer's page in headless Chromium (click → the past map's first name),
 *    unless HISTORY_SKIP_BROWSER=1.
 * Environment: HISTORY_EDITS (default 1000), HISTORY_MOMENTS (default 50), HISTORY_OPENS (default 5).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import {
  addOrganisation,
  connect,
  deleteEntities,
  moveNodes,
  readBoard,
  scoreHealth,
  setStrength,
  updateOrganisation,
} from '@interplay/shared';
import type { NodeId, OrganisationId, RelationshipId, Strength } from '@interplay/shared';
import { docFromParts, readBoardState } from '@interplay/shared/board/history';
import type { Moment } from '@interplay/shared/history/moment';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';
import { connectClient, waitFor } from '../support/syncClient.ts';
import type { CreatedBoard, SyncClient } from '../support/syncClient.ts';
import { BENCH_BOARD, seededRandom } from './canvas/generateBoard.ts';
import { ensureClientBuilt } from './canvas/ensureClientBuilt.ts';
import { seedBoard } from './canvas/seedBoard.ts';
import { openMomentsInBrowser } from './history/openInBrowser.ts';

const EDITS = Number(process.env.HISTORY_EDITS ?? 1000);
const MOMENTS = Number(process.env.HISTORY_MOMENTS ?? 50);
const OPENS = Number(process.env.HISTORY_OPENS ?? 5);

const kib = (bytes: number): string =>
  `${(bytes / 1024).toLocaleString('en', { maximumFractionDigits: 0 })} KiB`;
const ms = (value: number): string => `${value.toLocaleString('en', { maximumFractionDigits: 0 })} ms`;
const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** One random edit of the kinds a session makes, as its own transaction (`board`: read once per batch). */
function makeEdit(doc: Y.Doc, board: ReturnType<typeof readBoard>, random: () => number, step: number): void {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const organisations = [...board.organisations.keys()] as OrganisationId[];
  const relationships = [...board.relationships.keys()] as RelationshipId[];
  const roll = random();
  if (roll < 0.4) {
    const id = pick(organisations) as NodeId;
    const at = board.organisations.get(id as OrganisationId)!.position;
    moveNodes(doc, [{ id, position: { x: at.x + 40, y: at.y + 20 } }]);
  } else if (roll < 0.55) {
    updateOrganisation(doc, pick(organisations), { name: `Renamed organisation ${step}` });
  } else if (roll < 0.7) {
    setStrength(doc, pick(relationships), (1 + Math.floor(random() * 5)) as Strength);
  } else if (roll < 0.85) {
    scoreHealth(
      doc,
      pick(relationships),
      { id: `scorer-${step % 7}`, name: 'Bench' },
      'trust',
      1 + Math.floor(random() * 10),
    );
  } else if (roll < 0.93) {
    const id = addOrganisation(doc, {
      name: `New partner ${step}`,
      sector: 'other',
      position: { x: -400, y: step * 10 },
    });
    connect(doc, { source: id, target: pick(organisations) });
  } else {
    deleteEntities(doc, [pick(relationships)]);
  }
}

async function inSync(writer: SyncClient, reader: SyncClient): Promise<void> {
  await waitFor(
    () =>
      Buffer.compare(
        Buffer.from(Y.encodeStateVector(writer.doc)),
        Buffer.from(Y.encodeStateVector(reader.doc)),
      ) === 0 && (writer.provider.ws?.bufferedAmount ?? 0) === 0,
    'the reader to have every edit',
    60_000,
    10,
  );
}

async function nameMoment(server: ServerHandle, board: CreatedBoard, title: string): Promise<Moment> {
  const res = await fetch(`${server.url}/api/boards/${board.id}/moments?key=${board.keys.facilitator}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (res.status !== 201) throw new Error(`naming a moment answered ${res.status}`);
  return (await res.json()) as Moment;
}

function fileSize(file: string): number {
  return fs.existsSync(file) ? fs.statSync(file).size : 0;
}

/** What the database holds, read from the file after the server stopped. */
function storedFigures(dataDir: string, boardId: string) {
  const db = new Database(path.join(dataDir, 'interplay.sqlite'), { readonly: true });
  try {
    const states = db
      .prepare(
        'SELECT id, base_id AS baseId, length(data) AS bytes, length(snapshot) AS snap FROM history_states WHERE board_id = ? ORDER BY id',
      )
      .all(boardId) as { id: number; baseId: number | null; bytes: number; snap: number }[];
    const moments = db
      .prepare("SELECT COUNT(*) AS n FROM moments WHERE board_id = ? AND kind != 'checkpoint'")
      .get(boardId) as { n: number };
    const checkpoints = db
      .prepare("SELECT COUNT(*) AS n FROM moments WHERE board_id = ? AND kind = 'checkpoint'")
      .get(boardId) as { n: number };
    const live = db
      .prepare('SELECT length(state) AS bytes FROM snapshots WHERE board_id = ?')
      .get(boardId) as { bytes: number } | undefined;
    const wholeOnes = states.filter((s) => s.baseId === null).length;
    // What storing each state whole would take, plain and deflated.
    let whole = 0;
    let deflated = 0;
    const chain = db.prepare(
      `WITH RECURSIVE c(id, base_id, depth, data) AS (SELECT id, base_id, depth, data FROM history_states WHERE id = ?
       UNION ALL SELECT s.id, s.base_id, s.depth, s.data FROM history_states s JOIN c ON s.id = c.base_id) SELECT data FROM c ORDER BY depth`,
    );
    for (const state of states) {
      const doc = docFromParts(
        (chain.all(state.id) as { data: Buffer }[]).map((row) => new Uint8Array(row.data)),
      );
      const bytes = Y.encodeStateAsUpdate(doc);
      whole += bytes.length;
      deflated += zlib.deflateRawSync(bytes).length;
      doc.destroy();
    }
    return {
      states: states.length,
      wholeOnes,
      historyBytes: states.reduce((sum, s) => sum + s.bytes + s.snap, 0),
      moments: moments.n,
      checkpoints: checkpoints.n,
      liveBytes: live?.bytes ?? 0,
      whole,
      deflated,
    };
  } finally {
    db.close();
  }
}

async function openMoments(server: ServerHandle, board: CreatedBoard, moments: readonly Moment[]) {
  const fetchTimes: number[] = [];
  const decodeTimes: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    const moment = moments[Math.floor(((i + 0.5) * moments.length) / OPENS)]!;
    const started = performance.now();
    const res = await fetch(
      `${server.url}/api/boards/${board.id}/moments/${moment.id}/state?key=${board.keys.view}`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    const fetched = performance.now();
    const snapshot = readBoardState(bytes);
    if (snapshot.organisations.size < BENCH_BOARD.organisations)
      throw new Error('a moment lost organisations');
    fetchTimes.push(fetched - started);
    decodeTimes.push(performance.now() - fetched);
  }
  return {
    fetch: median(fetchTimes),
    decode: median(decodeTimes),
    max: Math.max(...fetchTimes.map((f, i) => f + decodeTimes[i]!)),
  };
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const SKIP_BROWSER = process.env.HISTORY_SKIP_BROWSER === '1';

async function main(): Promise<void> {
  if (!SKIP_BROWSER) ensureClientBuilt(repoRoot);
  const first = await startServer({ env: { CHECKPOINT_SECONDS: '0' } });
  let second: ServerHandle | null = null;
  try {
    const seeded = await seedBoard(first);
    const { board } = seeded;
    const writer = connectClient(first.wsUrl, board.id, board.keys.edit);
    const reader = connectClient(first.wsUrl, board.id, board.keys.view);
    await Promise.all([writer.whenSynced(60_000), reader.whenSynced(60_000)]);
    const random = seededRandom(16);
    const perMoment = Math.max(1, Math.round(EDITS / MOMENTS));
    const started = performance.now();
    let snapshot = readBoard(writer.doc);
    for (let step = 0; step < EDITS; step++) {
      if (step % perMoment === 0) snapshot = readBoard(writer.doc);
      makeEdit(writer.doc, snapshot, random, step);
      if ((step + 1) % perMoment === 0) {
        await inSync(writer, reader);
        await nameMoment(first, board, `Moment ${(step + 1) / perMoment}`);
      }
    }
    await inSync(writer, reader);
    const editMs = performance.now() - started;
    const oneState = Y.encodeStateAsUpdate(writer.doc).length;
    writer.destroy();
    reader.destroy();
    await first.stop('SIGTERM');

    const dbBytes =
      fileSize(path.join(first.dataDir, 'interplay.sqlite')) +
      fileSize(path.join(first.dataDir, 'interplay.sqlite-wal'));
    const stored = storedFigures(first.dataDir, board.id);
    second = await startServer({ dataDir: first.dataDir, env: { CHECKPOINT_SECONDS: '0' } });
    const listed = (await (
      await fetch(`${second.url}/api/boards/${board.id}/moments?key=${board.keys.view}`)
    ).json()) as { moments: Moment[] };
    const named = listed.moments.filter((m) => m.kind !== 'checkpoint');
    const open = await openMoments(second, board, named);
    const picks = [named[1], named[Math.floor(named.length / 2)], named[named.length - 2]].filter(
      (m): m is Moment => m !== undefined,
    );

    console.log(
      `\nHistory benchmark: bench board ${JSON.stringify(seeded.counts)}, ${EDITS} edits, ${named.length} moments`,
    );
    console.log(`  edits and moments took                 ${ms(editMs)}`);
    console.log(`  one state of the board (Yjs update)    ${kib(oneState)}`);
    console.log(`  live snapshot in the database          ${kib(stored.liveBytes)}`);
    console.log(`  database file after a clean stop       ${kib(dbBytes)}`);
    console.log(
      `  history: ${stored.states} states (${stored.wholeOnes} whole), ${stored.moments} moments, ${stored.checkpoints} checkpoints`,
    );
    console.log(
      `  history states stored                  ${kib(stored.historyBytes)} (${(stored.historyBytes / oneState).toFixed(2)} × one state)`,
    );
    console.log(
      `  the same states stored whole           ${kib(stored.whole)} (${(stored.whole / oneState).toFixed(1)} × one state)`,
    );
    console.log(
      `  the same states whole and deflated     ${kib(stored.deflated)} (${(stored.deflated / oneState).toFixed(1)} × one state)`,
    );
    console.log(
      `  open a moment after a restart (median of ${OPENS}): HTTP ${ms(open.fetch)} + decode ${ms(open.decode)}; slowest ${ms(open.max)}`,
    );
    const inBrowser = SKIP_BROWSER ? [] : await openMomentsInBrowser(second, board, picks);
    if (inBrowser.length > 0)
      console.log(
        `  open a moment in Chromium (click → fetched → decoded → map drawn): ${inBrowser
          .map((t) => `${ms(t.fetched)} → ${ms(t.decoded)} → ${ms(t.drawn)}`)
          .join('; ')}`,
      );
  } finally {
    await second?.cleanup();
    await first.cleanup();
  }
}

await main();
