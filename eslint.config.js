import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

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
    // Only the document model knows the Yjs layout; the client reaches Yjs through
    // its sync module and the model's commands.
    files: ['client/src/**/*.{ts,tsx}'],
    ignores: ['client/src/sync/**', 'client/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'yjs',
              message: 'Use the model in @interplay/shared, or client/src/sync.',
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
