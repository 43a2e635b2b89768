// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node's built-in modules by bare name ('fs', 'path', …); `node:*` catches the prefixed form. */
const nodeBuiltins = ['node:*', ...builtinModules.filter((name) => !name.startsWith('_'))];

/** Layering: which folders may import what (see docs/ARCHITECTURE.md). */
const forbid = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', 'bench/results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware promise rules: a promise nobody awaits loses its rejection (an unreported
    // error, or a write the caller thinks finished). Each file is checked against the
    // tsconfig that includes it (tsconfig.node.json or tsconfig.web.json, via tsconfig.json).
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Tests may assert presence with `!` after checking it.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['src/main/archive/**/*.ts', 'src/main/cli/**/*.ts'],
    rules: forbid(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/preload/**', '**/ipc/**', '**/shell/**'],
      'The archive core and CLI are plain Node: no Electron, no React, nothing from ipc/ or shell/.',
    ),
  },
  {
    files: ['src/main/ipc/**/*.ts', 'src/main/dev-server/**/*.ts', 'src/main/web/**/*.ts'],
    rules: forbid(
      ['electron', 'react', 'react-dom', '**/renderer/**', '**/preload/**', '**/shell/**'],
      'The handler table and the dev server run without Electron: Electron-only code lives in src/main/shell/.',
    ),
  },
  {
    // The sandboxed preload is one bundled file: the contract from src/shared and Electron's
    // renderer-side APIs, nothing else (no Node, no main-process code, no other package).
    files: ['src/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(electron|\\./.*|\\.\\./shared/.*)$)',
              message: 'The preload imports only src/shared and electron.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'webUtils'],
              allowTypeImports: true,
              message: 'The preload may use only contextBridge, ipcRenderer and webUtils from electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // SQL has one home: only archive/db/ runs kysely, sqlite3 or pg (see docs/ARCHITECTURE.md,
    // "Where SQL lives"). Elsewhere a type from kysely may be named, never called.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/archive/db/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['kysely', 'sqlite3', 'pg', 'pg-cursor'].map((name) => ({
            name,
            allowTypeImports: true,
            message: `Queries live in src/main/archive/db/ (repositories); ${name} is not run elsewhere.`,
          })),
          patterns: [
            {
              group: ['kysely/*', 'sqlite3/*', 'pg/*'],
              allowTypeImports: true,
              message: 'Queries live in src/main/archive/db/ (repositories).',
            },
          ],
        },
      ],
    },
  },
  {
    // Security checklist: never hand a URL to the OS (it could come from archive content).
    files: ['src/main/**/*.ts', 'src/preload/**/*.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'shell', property: 'openExternal', message: 'Exhibit never opens URLs outside the app.' },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'electron', 'react', '**/main/**', '**/renderer/**', '**/preload/**', 'sqlite3', 'kysely'],
      'src/shared holds types and pure code only.',
    ),
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...forbid(
        [...nodeBuiltins, 'electron', '**/main/**', '**/preload/**', 'sqlite3', 'kysely'],
        'The renderer talks to the archive only through the typed contract.',
      ),
    },
  },
);
