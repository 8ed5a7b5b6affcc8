/**
 * `BENCH_PROFILE=1`: build an unminified copy of the client (readable
 * function names in CPU profiles) into a temp dir, for the server's STATIC_DIR.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function buildUnminifiedClient(repoRoot: string): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'interplay-bench-dist-'));
  const result = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--minify',
      'false',
      '--sourcemap',
      'false',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: path.join(repoRoot, 'client'), stdio: 'inherit' },
  );
  if (result.status !== 0) {
    fs.rmSync(outDir, { recursive: true, force: true });
    throw new Error(`unminified client build failed with ${result.status ?? result.signal}`);
  }
  return outDir;
}
