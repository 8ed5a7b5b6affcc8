import type { BenchChild } from './childProcesses.ts';

/** Where one benchmark client connects: `WebsocketProvider(serverUrl, room, doc, { params })`. */
export interface BoardEndpoint {
  serverUrl: string;
  /** Several processes: client `i` of the board connects to `serverUrls[i % length]` instead. */
  serverUrls?: readonly string[];
  room: string;
  params: Record<string, string>;
}

/** A running server under test. */
export interface BenchTarget {
  name: string;
  child: BenchChild;
  /** Makes `count` boards ready for editing and says how to reach each. */
  createBoards(count: number): Promise<BoardEndpoint[]>;
}
