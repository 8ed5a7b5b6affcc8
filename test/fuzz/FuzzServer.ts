import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from '../support/serverProcess.ts';
import type { ServerHandle } from '../support/serverProcess.ts';

/**
 * The one real server process a run of seeds shares (a new board per seed). A kill seed
 * SIGKILLs it and starts a new process on the same data directory and the SAME port: the
 * y-websocket providers keep their URL and must find the board again by themselves.
 */
export class FuzzServer {
  private handle: ServerHandle | null = null;
  private port = 0;
  private readonly dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-fuzz-'));
  /** Log lines of the processes killed so far. */
  private readonly earlierLogs: string[] = [];

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

  /** How many lines all processes of this run have logged so far. */
  get logCount(): number {
    return this.earlierLogs.length + (this.handle?.logs.length ?? 0);
  }

  /** Lines logged since `mark` (an earlier `logCount`), across restarts. */
  logsSince(mark: number): string[] {
    return [...this.earlierLogs, ...(this.handle?.logs ?? [])].slice(mark);
  }

  /** Forgets the lines logged so far (between seeds, so a long run does not keep every line). */
  clearLogs(): void {
    this.earlierLogs.length = 0;
    this.handle?.logs.splice(0);
  }

  /** Starts the first process (any free port) or a restart (the same port, retried while it is not free yet). */
  async start(): Promise<void> {
    if (this.handle !== null) return;
    for (let attempt = 1; ; attempt += 1) {
      try {
        this.handle = await startServer({
          dataDir: this.dataDir,
          env: { ...this.env, PORT: String(this.port), LOG_LEVEL: 'info' },
        });
        this.port = this.handle.port;
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
      }
    }
  }

  /** SIGKILL: nothing is flushed or closed, exactly as a crash. */
  async kill(): Promise<void> {
    const handle = this.handle;
    if (handle === null) return;
    this.handle = null;
    await handle.kill();
    this.earlierLogs.push(...handle.logs, '--- kill -9 ---');
  }

  async cleanup(): Promise<void> {
    await this.kill();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
