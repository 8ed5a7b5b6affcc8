import { spawn } from 'node:child_process';
import type { ChildProcess, SpawnOptions } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A server child process started by the benchmark. */
export interface BenchChild {
  process: ChildProcess;
  pid: number;
  /** Last lines of stdout+stderr, for error messages. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<ChildProcess>();

// WARNING: a benchmark that dies must not leave servers behind on the machine.
process.on('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of live) child.kill('SIGKILL');
    process.exit(130);
  });
}

/**
 * Spawns a child and resolves once one of its output lines satisfies `isReady`
 * (the value returned is passed back), failing after `timeoutMs` or if the child exits first.
 */
export function spawnUntilReady<T>(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
  isReady: (line: string) => T | undefined,
  timeoutMs: number,
): Promise<{ child: BenchChild; ready: T }> {
  const proc = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(proc);
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });
  void exited.then(() => live.delete(proc));

  const child: BenchChild = {
    process: proc,
    pid: proc.pid ?? -1,
    recentOutput: () => output.slice(-20).join('\n'),
    async stop(graceMs = 5000) {
      if (proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
    },
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void child.stop(0).then(() => reject(new Error(`${message}\n--- output ---\n${child.recentOutput()}`)));
    };
    const timer = setTimeout(() => fail(`${command} did not become ready within ${timeoutMs} ms`), timeoutMs);
    proc.once('error', (error) => fail(`could not start ${command}: ${error.message}`));
    proc.once('exit', (code, signal) => fail(`${command} exited early (code ${code}, signal ${signal})`));
    for (const stream of [proc.stdout, proc.stderr]) {
      if (!stream) continue;
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        if (output.length > 200) output.shift();
        if (settled) return;
        const ready = isReady(line);
        if (ready === undefined) return;
        settled = true;
        clearTimeout(timer);
        resolve({ child, ready });
      });
    }
  });
}
