import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Where Yjs may be imported for its values, not only its types. */
export const YJS_RUNTIME_ALLOWED = [
  // The board model: the document's layout, records, commands, readers, undo and migrations.
  'shared/src/board/**',
  // Writing an update from decoded parts, for the server's guard and the page's large changes.
  'shared/src/sync/encodeUpdate.ts',
  // The page's sync module: the provider, the offline copy and the socket.
  'client/src/sync/**',
  // The server's document host: rooms and intake, and the guard that judges updates.
  'server/src/sync/**',
  'server/src/policy/**',
  // Tests, their fixtures and support, and the benchmarks build raw (even hostile) documents.
  '**/*.test.ts',
  '**/testing/**',
  'test/**',
  // The storage contract suite every Storage implementation's test runs (test support outside testing/).
  'server/src/storage/storage*Contract*.ts',
];
const FLOW_INTERNALS = {
  name: '@xyflow/react',
  importNames: [
    'useStore',
    'useStoreApi',
    'useInternalNode',
    'InternalNode',
    'ReactFlowState',
    'ViewportPortal',
  ],
  message:
    "React Flow's internals are read only in client/src/canvas/reactFlow (the adapter, pinned by its test).",
};
const FEATURES = {
  group: [
    '**/app/*',
    '**/panel/*',
    '**/annotations/*',
    '**/facilitation/*',
    '**/health/*',
    '**/giveTake/*',
    '**/export/*',
    '**/import/*',
    '**/legend/*',
    '**/presence/*',
  ],
  message: 'canvas/ imports no feature: the board page (client/src/app/board) composes them with the map.',
};

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Small modules with one job: split before a file or a function grows past these.
    files: ['**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['client/src/**/*.{ts,tsx}', 'server/src/**/*.ts', 'shared/src/**/*.ts', 'test/support/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Only the model touches Yjs at run time: everything else goes through its commands, readers and
    // observers, so the document's layout has one owner (STYLE.md, "One schema, one owner"). Type imports
    // (`import type { Doc } from 'yjs'`) stay allowed everywhere. `test/lint/yjsImports.test.ts` shows the
    // rule firing.
    files: ['**/*.{ts,tsx}'],
    ignores: YJS_RUNTIME_ALLOWED,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'yjs',
              message:
                "Only the model (shared/src/board), the page's sync module and the server's document host use Yjs at run time: call a model function instead (a type import is fine).",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/canvas/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths: [FLOW_INTERNALS] }] },
  },
  {
    files: ['client/src/canvas/**/*.{ts,tsx}'],
    ignores: ['client/src/canvas/reactFlow/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [FLOW_INTERNALS], patterns: [FEATURES] },
      ],
    },
  },
  {
    files: ['client/src/canvas/reactFlow/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [FEATURES] }] },
  },
);
