import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Newest modification time of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * The server serves `client/dist`; a missing or stale build would measure
 * old code. Builds when `index.html` is missing or older than any client or
 * model source file.
 */
export function ensureClientBuilt(repoRoot: string): void {
  const index = path.join(repoRoot, 'client', 'dist', 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(repoRoot, 'client', 'src')),
    newestMtime(path.join(repoRoot, 'shared', 'src')),
  );
  if (builtAt >= sources) return;
  console.log(
    builtAt === 0 ? 'Building the client (no build yet)…' : 'Rebuilding the client (sources changed)…',
  );
  const result = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm run build failed with ${result.status ?? result.signal}`);
}
