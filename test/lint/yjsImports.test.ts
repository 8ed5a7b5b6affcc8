/**
 * The lint rule that keeps Yjs inside the model (eslint.config.js, `no-restricted-imports`): it fires on a
 * run-time import anywhere else, on the client and on the server, and lets type imports and the model,
 * sync and document-host folders through.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const eslint = new ESLint({ cwd: repoRoot });

const RUNTIME = "import * as Y from 'yjs';\nexport const doc = new Y.Doc();\n";
const TYPE_ONLY =
  "import type { Doc } from 'yjs';\nexport const size = (doc: Doc): number => doc.share.size;\n";

/** The rule ids ESLint reports for `code` as if it were the file at `file` (relative to the repo). */
async function rulesFiredAt(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('the Yjs import boundary', () => {
  // The first lint loads the config and the TypeScript parser: seconds on a busy machine.
  beforeAll(() => rulesFiredAt('client/src/warmUp.ts', TYPE_ONLY), 60_000);

  it.each([
    'client/src/canvas/newFeature.ts',
    'client/src/panel/NewPanel.tsx',
    'server/src/boards/newBoards.ts',
    'server/src/http/newRoute.ts',
    'shared/src/formats/newFormat.ts',
  ])('refuses a run-time import in %s', async (file) => {
    expect(await rulesFiredAt(file, RUNTIME)).toContain('no-restricted-imports');
  });

  it.each([
    'shared/src/board/records/newRecord.ts',
    'client/src/sync/newSocket.ts',
    'server/src/sync/NewRoom.ts',
    'server/src/policy/newGuard.ts',
    'client/src/canvas/newFeature.test.ts',
  ])('allows it in %s', async (file) => {
    expect(await rulesFiredAt(file, RUNTIME)).not.toContain('no-restricted-imports');
  });

  it('allows a type import anywhere', async () => {
    expect(await rulesFiredAt('client/src/canvas/newFeature.ts', TYPE_ONLY)).toEqual([]);
  });
});
