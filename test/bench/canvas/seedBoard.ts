import { readBoard } from '@interplay/shared';
import type { ServerHandle } from '../../support/serverProcess.ts';
import { connectClient, createBoard, waitFor } from '../../support/syncClient.ts';
import type { CreatedBoard } from '../../support/syncClient.ts';
import { BENCH_BOARD, generateBoard } from './generateBoard.ts';
import type { BoardSize } from './generateBoard.ts';

export interface SeededBoard {
  board: CreatedBoard;
  counts: BoardSize;
  /** Generating and pushing through the writer's websocket. */
  pushMs: number;
  /** Until a second, fresh client had synced every entity from the server. */
  confirmedMs: number;
}

function countsOf(snapshot: ReturnType<typeof readBoard>): BoardSize {
  return {
    organisations: snapshot.organisations.size,
    people: snapshot.people.size,
    projects: snapshot.projects.size,
    relationships: snapshot.relationships.size,
  };
}

const sameCounts = (a: BoardSize, b: BoardSize): boolean =>
  a.organisations === b.organisations &&
  a.people === b.people &&
  a.projects === b.projects &&
  a.relationships === b.relationships;

/**
 * Creates a board on the real server and fills it through a real y-websocket
 * client, then proves the server holds all of it: a second, fresh client
 * syncs and reads every entity.
 */
export async function seedBoard(server: ServerHandle, size: BoardSize = BENCH_BOARD): Promise<SeededBoard> {
  const board = await createBoard(server.url, 'Canvas benchmark');
  const started = performance.now();
  const writer = connectClient(server.wsUrl, board.id, board.keys.edit);
  let reader: ReturnType<typeof connectClient> | null = null;
  try {
    await writer.whenSynced();
    generateBoard(writer.doc, size);
    const written = countsOf(readBoard(writer.doc));
    if (!sameCounts(written, size)) {
      throw new Error(`generator wrote ${JSON.stringify(written)}, expected ${JSON.stringify(size)}`);
    }
    // The provider sends each batch as it is made; wait until the socket has nothing left to send.
    await waitFor(
      () => (writer.provider.ws?.bufferedAmount ?? 0) === 0,
      'the writer to flush its updates',
      60_000,
    );
    const pushMs = performance.now() - started;
    reader = connectClient(server.wsUrl, board.id, board.keys.view);
    await reader.whenSynced(60_000);
    const fresh = reader;
    let seen = countsOf(readBoard(fresh.doc));
    await waitFor(
      () => {
        seen = countsOf(readBoard(fresh.doc));
        return sameCounts(seen, size);
      },
      `a fresh client to see the whole board (last saw ${JSON.stringify(seen)})`,
      60_000,
      250,
    );
    return { board, counts: seen, pushMs, confirmedMs: performance.now() - started };
  } finally {
    reader?.destroy();
    writer.destroy();
  }
}
