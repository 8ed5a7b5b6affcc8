import * as Y from 'yjs';
import { readBoard } from '@interplay/shared';
import { connectClient, waitFor } from '../support/syncClient.ts';
import type { SyncClient } from '../support/syncClient.ts';
import { canonicalBoard, diffBoards, stableJson } from './boardDiff.ts';
import type { CanonicalBoard } from './boardDiff.ts';
import { shortId } from './CommandLog.ts';
import type { FuzzClient, Marker } from './FuzzClient.ts';
import type { Scene } from './Scene.ts';

/** How long everyone may take to agree once all are online (the bound). */
export const SETTLE_TIMEOUT_MS = 20_000;
/**
 * All synced and no document changed for this long: nothing is in flight any more, so
 * waiting for the full bound would only make a failing seed slow.
 */
const QUIET_MS = 3_000;
/** How often the bound starts again because the server was killed or restarted during the check. */
const MAX_SETTLE_ATTEMPTS = 3;

/** State vector and delete set: equal snapshots mean equal documents, however each got there. */
function sameDocument(a: Y.Doc, b: Y.Doc): boolean {
  return Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
}

function stateVectorDiff(client: Y.Doc, reader: Y.Doc): string {
  const mine = Y.decodeStateVector(Y.encodeStateVector(client));
  const theirs = Y.decodeStateVector(Y.encodeStateVector(reader));
  const parts: string[] = [];
  for (const id of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(id) ?? 0;
    const b = theirs.get(id) ?? 0;
    if (a !== b) parts.push(`${id}: ${a} vs reader ${b}`);
  }
  const pending = client.store.pendingStructs !== null || client.store.pendingDs !== null;
  return `${parts.length === 0 ? 'same state vector, other deletes' : parts.join(', ')}${pending ? ' (pending structs)' : ''}`;
}

function hasMarker(board: ReturnType<typeof readBoard>, marker: Marker): boolean {
  return board.annotations.get(marker.threadId)?.messages.some((m) => m.id === marker.messageId) ?? false;
}

/** Markers missing from `board`, one line each, saying whether the writer still has it. */
function missingMarkers(board: ReturnType<typeof readBoard>, clients: readonly FuzzClient[]): string[] {
  const lines: string[] = [];
  for (const client of clients) {
    const own = client.board();
    for (const marker of client.markers) {
      if (hasMarker(board, marker)) continue;
      const where = hasMarker(own, marker) ? 'still in its own copy' : 'gone from its own copy too';
      lines.push(`marker of ${client.name} (${shortId(marker.messageId)}, ${where}) with: ${marker.label}`);
    }
  }
  return lines;
}

/**
 * The end of a seed: every client online; a fresh reader (view key, a new document:
 * exactly what the server holds) joins; everyone must agree within the bound. Then every
 * client's board must equal the reader's and every recorded marker must be there.
 * @returns the problems found, empty when the seed passed.
 */
export async function endCheck(scene: Scene): Promise<string[]> {
  for (const client of scene.clients) client.goOnline();
  const reader: SyncClient = connectClient(scene.server.wsUrl, scene.board.id, scene.board.keys.view);
  const docs = [reader.doc, ...scene.clients.map((c) => c.doc)];
  let lastChange = Date.now();
  const onUpdate = (): void => {
    lastChange = Date.now();
  };
  for (const doc of docs) doc.on('update', onUpdate);
  const allSynced = (): boolean => reader.provider.synced && scene.clients.every((c) => c.synced);
  const allSame = (): boolean => scene.clients.every((c) => sameDocument(c.doc, reader.doc));
  const problems: string[] = [];
  // Seeds run side by side: another seed's kill -9 may take the server down during this check, and a restart
  // on a loaded machine can take longer than the bound. The bound counts from a running server, and starts
  // again when the server was killed or restarted meanwhile (a few times at most).
  let serverEvents = 0;
  const stopListening = scene.server.listen(() => {
    serverEvents += 1;
  });
  try {
    let started = Date.now();
    for (let attempt = 1; attempt <= MAX_SETTLE_ATTEMPTS; attempt += 1) {
      await scene.server.start();
      started = Date.now();
      const eventsBefore = serverEvents;
      await waitFor(
        () => allSynced() && (allSame() || Date.now() - lastChange > QUIET_MS),
        'every client and a fresh reader to hold the same document, or nothing left in flight',
        SETTLE_TIMEOUT_MS,
        20,
      ).catch(() => undefined);
      if ((allSynced() && allSame()) || serverEvents === eventsBefore) break;
    }
    if (!allSynced() || !allSame()) {
      problems.push(`not converged (waited ${((Date.now() - started) / 1000).toFixed(1)} s):`);
      for (const c of scene.clients) {
        if (!sameDocument(c.doc, reader.doc))
          problems.push(`  ${c.name}: ${stateVectorDiff(c.doc, reader.doc)}`);
        if (!c.synced) problems.push(`  ${c.name}: not synced`);
      }
    }
    const expected: CanonicalBoard = canonicalBoard(readBoard(reader.doc));
    const expectedJson = stableJson(expected);
    for (const client of scene.clients) {
      const actual = canonicalBoard(readBoard(client.doc));
      const actualJson = stableJson(actual);
      if (actualJson !== expectedJson) {
        problems.push(
          `${client.name}'s board differs from the server's (expected: server, actual: ${client.name}):`,
        );
        problems.push(...diffBoards(expected, actual).map((line) => `  ${line}`));
      }
      // What the page shows (observed incrementally) must be what a fresh read of its document gives.
      const shown = canonicalBoard(client.board());
      if (stableJson(shown) !== actualJson) {
        problems.push(
          `${client.name}'s observed board differs from a fresh read of its document (expected: read):`,
        );
        problems.push(...diffBoards(actual, shown).map((line) => `  ${line}`));
      }
    }
    problems.push(...missingMarkers(readBoard(reader.doc), scene.clients));
    for (const client of scene.clients) {
      for (const reason of client.spuriousRefusals) {
        problems.push(`${client.name} was refused while it held nothing it wrote itself: ${reason}`);
      }
    }
  } finally {
    stopListening();
    for (const doc of docs) doc.off('update', onUpdate);
    reader.destroy();
  }
  return problems;
}
