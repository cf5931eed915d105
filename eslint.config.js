// Layering is enforced here, not in review: see DESIGN §3.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (message, paths, patterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: restrict(
      'shared/ is pure TypeScript: no Node, DOM, Electron, database or UI imports.',
      [...nodeBuiltins, 'electron', 'react', 'better-sqlite3', 'kysely', 'xlsx', 'exceljs'],
      ['**/electron/**', '**/db/**', '**/renderer/**', 'node:*', '@mui/*'],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        'The renderer talks only to the typed API object: never import electron/, db/ or Node.',
        [...nodeBuiltins, 'electron', 'better-sqlite3', 'kysely'],
        ['**/electron/**', '**/db/**', 'node:*'],
      ),
    },
  },
  {
    files: ['db/**/*.ts', 'electron/backend/**/*.ts', 'electron/cli/**/*.ts', 'electron/serve/**/*.ts'],
    rules: restrict(
      'The backend, CLI, bridge and db run in plain Node: never import electron or the renderer.',
      ['electron'],
      ['**/renderer/**', '**/electron/main/**'],
    ),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict('electron/main only relays: it must not open the database or import the renderer.', [
      'better-sqlite3',
      'kysely',
    ], ['**/renderer/**', '**/db/**']),
  },
);
