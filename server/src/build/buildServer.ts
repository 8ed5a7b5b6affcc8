import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where `npm start` runs the server from: `node server/dist/main.js`. */
export const defaultOutDir = path.join(serverDir, 'dist');

/**
 * Packages stay imports resolved from `node_modules` at run time (one copy of Yjs for the server and the
 * model, native better-sqlite3 as installed); only our own workspace package is bundled, since its
 * sources are TypeScript that plain Node cannot load.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@interplay/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Compiles the server into two plain ES modules, the entry point and the board-file worker, so production
 * runs on Node without a TypeScript loader (tsx cost some 34 MiB per process). No source maps: stack
 * traces name the bundled functions, which are not minified.
 */
export async function buildServer(outDir: string = defaultOutDir): Promise<void> {
  await build({
    entryPoints: {
      main: path.join(serverDir, 'src', 'main.ts'),
      createRequestWorker: path.join(serverDir, 'src', 'boards', 'createRequestWorker.ts'),
    },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [externalPackages],
    logLevel: 'warning',
    legalComments: 'none',
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ?? defaultOutDir;
  buildServer(outDir).then(
    () => process.stdout.write(`server built into ${path.relative(process.cwd(), outDir) || '.'}\n`),
    (error: unknown) => {
      process.stderr.write(`building the server failed: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
