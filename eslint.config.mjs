// Lint: typescript-eslint on every layer, plus the import rules between layers from DESIGN.md.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'url', 'util', 'worker_threads', 'stream', 'zlib', 'module'];
const nodeImports = NODE_BUILTINS.flatMap((m) => [m, `${m}/*`, `node:${m}`, `node:${m}/*`]);

const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/e2e/screenshots/**', 'playwright-report/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['*.config.ts', '*.config.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(['electron', 'electron/*', 'react', 'react-dom', 'lowdb', 'lowdb/*', ...nodeImports, '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript: no Electron, Node, React, storage or other layers.'),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(['electron', 'electron/*', 'lowdb', 'lowdb/*', ...nodeImports, '**/electron/**'],
        'The renderer talks to the backend only through renderer/src/api.ts: no Electron, Node or backend imports.'),
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**'],
      'Only electron/main and electron/preload may import Electron; the backend, web shell and CLI never do.'),
  },
  {
    files: ['electron/backend/**/*.ts'],
    rules: restrict(['electron', 'electron/*', '**/renderer/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/web/**', '**/electron/cli/**'],
      'The backend imports only shared/ and its own modules.'),
  },
);
