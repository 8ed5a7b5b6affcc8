import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';

/** What happened to the server process, for the logs of every seed running at the time. */
export type ServerEvent = 'kill -9' | 'restarted on the same data directory and port';

/** Lines that name no board (start-up, crashes, debug output) kept at most, newest last. */
const MAX_GENERAL_LINES = 200;
const BOARD_ID = /"boardId":"([^"]+)"/;

/**
 * The one real server process a run of seeds shares (a new board per seed). A kill seed
 * SIGKILLs it and starts a new process on the same data directory and the SAME port: the
 * y-websocket providers keep their URL and must find the board again by themselves. Seeds
 * may run side by side, so a kill reaches every seed running then (each hears of it), and
 * the log is kept per board.
 */
export class FuzzServer {
  private handle: ServerHandle | null = null;
  private starting: Promise<void> | null = null;
  private port = 0;
  private readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-fuzz-'));
  private readonly boardLogs = new Map<string, string[]>();
  private readonly generalLogs: string[] = [];
  private readonly listeners = new Set<(event: ServerEvent) => void>();

  constructor(private readonly env: Record<string, string> = {}) {}

  /** The same for every process of this run (the port is kept across restarts). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.handle !== null;
  }

  /** Hears kills and restarts until the returned function is called. */
  listen(listener: (event: ServerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * What the server logged about one board (kills and restarts in their place), then the latest warnings,
   * errors and non-JSON output that name no board.
   */
  logsOf(boardId: string): string[] {
    const general = this.generalLogs.filter(
      (line) => !line.startsWith('{') || /"level":"(warn|error)"/.test(line),
    );
    return [
      ...(this.boardLogs.get(boardId) ?? []),
      ...(general.length > 0 ? ['--- not about a board:', ...general] : []),
    ];
  }

  /** Forgets a board's lines once its seed is done, so a long run does not keep every line. */
  forget(boardId: string): void {
    this.boardLogs.delete(boardId);
  }

  /**
   * Starts the first process (any free port) or a restart (the same port, retried while it is not free yet).
   * Seeds that find the server down at once share one start.
   */
  start(): Promise<void> {
    if (this.handle !== null) return Promise.resolve();
    this.starting ??= this.launch().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  /** SIGKILL: nothing is flushed or closed, exactly as a crash. */
  async kill(): Promise<void> {
    const handle = this.handle;
    if (handle === null) return;
    this.handle = null;
    this.tell('kill -9');
    await handle.kill();
  }

  async cleanup(): Promise<void> {
    await this.starting;
    await this.kill();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const restart = this.port !== 0;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const handle = await startServer({
          dataDir: this.dataDir,
          env: { ...this.env, PORT: String(this.port), LOG_LEVEL: 'info' },
        });
        this.keepLines(handle);
        this.port = handle.port;
        this.handle = handle;
        if (restart) this.tell('restarted on the same data directory and port');
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** Sorts the process's lines by board as they come (`startServer` keeps them all in one growing list). */
  private keepLines(handle: ServerHandle): void {
    const add = (line: string): void => {
      const board = BOARD_ID.exec(line)?.[1];
      if (board === undefined) {
        this.generalLogs.push(line);
        if (this.generalLogs.length > MAX_GENERAL_LINES) this.generalLogs.shift();
        return;
      }
      let lines = this.boardLogs.get(board);
      if (lines === undefined) this.boardLogs.set(board, (lines = []));
      lines.push(line);
    };
    for (const stream of [handle.process.stdout, handle.process.stderr]) {
      if (stream !== null) readline.createInterface({ input: stream }).on('line', add);
    }
    // Its own copy would grow for the whole run.
    const trim = setInterval(() => handle.logs.splice(0), 5_000);
    void handle.exited.then(() => clearInterval(trim));
  }

  private tell(event: ServerEvent): void {
    for (const lines of this.boardLogs.values()) lines.push(`--- ${event} ---`);
    for (const listener of this.listeners) listener(event);
  }
}
