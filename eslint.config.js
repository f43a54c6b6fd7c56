import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Folders are runtimes (STYLE.md §1): what a file may import follows from where it lives, and crossing a
 * boundary is an error, as VS Code's `local/code-layering` rule makes it. Relative imports are matched by the
 * folder they reach into, e.g. `../../electron/services/types.ts`.
 */
const bareBuiltins = builtinModules.filter((name) => !name.startsWith('node:'));
const nodeBuiltins = [
  ...bareBuiltins.flatMap((name) => [name, `node:${name}`]),
  ...builtinModules.filter((name) => name.startsWith('node:')),
];
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Catches `node:` modules newer than this Node's list (node:sqlite, node:test) without reporting listed ones twice. */
const unlistedNodeBuiltin = `^node:(?!(${bareBuiltins.map(escapeRegex).join('|')})$)`;

const restrict = {
  nodeBuiltins: {
    paths: nodeBuiltins.map((name) => ({ name, message: 'Node built-ins do not exist in this runtime.' })),
    patterns: [{ regex: unlistedNodeBuiltin, message: 'Node built-ins do not exist in this runtime.' }],
  },
  electron: {
    paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may use Electron.' }],
    patterns: [{ regex: '^electron/', message: 'Only electron/main and electron/preload may use Electron.' }],
  },
  react: {
    paths: ['react', 'react-dom'].map((name) => ({ name, message: 'React belongs to renderer/ only.' })),
    patterns: [{ regex: '^react(-dom)?/', message: 'React belongs to renderer/ only.' }],
  },
  electronFolder: {
    patterns: [{ regex: '^\\.\\.?/(.*/)?electron/', message: 'This runtime cannot load code from electron/.' }],
  },
  rendererFolder: {
    patterns: [{ regex: '^\\.\\.?/(.*/)?renderer(/|$)', message: 'Only the renderer runs renderer/ code.' }],
  },
};

function noImportsFrom(...groups) {
  return {
    'no-restricted-imports': [
      'error',
      {
        paths: groups.flatMap((group) => group.paths ?? []),
        patterns: groups.flatMap((group) => group.patterns ?? []),
      },
    ],
  };
}

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'electron/db/migrations/**',
      '.electron-native/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Build scripts, configs, the CLI entry and everything under electron/ run on Node.
    files: ['*.{js,mjs,cjs,ts}', 'scripts/**', 'bin/**', 'bench/**', 'test/**', 'electron/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['shared/**'],
    rules: noImportsFrom(
      restrict.nodeBuiltins,
      restrict.electron,
      restrict.react,
      restrict.electronFolder,
      restrict.rendererFolder,
    ),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      ...noImportsFrom(restrict.nodeBuiltins, restrict.electron, restrict.electronFolder),
    },
  },
  {
    // Sandboxed: it can require only 'electron', and everything else it needs comes from shared/, bundled in.
    files: ['electron/preload/**'],
    // Its tests run on Node under vitest, not in the sandbox.
    ignores: ['electron/preload/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!electron$)[^.]', message: 'The sandboxed preload may import only electron and shared/.' },
            {
              regex: '^\\.\\./(?!\\.\\./shared/)',
              message: 'The sandboxed preload may import only electron and shared/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**'],
    rules: noImportsFrom(restrict.react, restrict.rendererFolder),
  },
  {
    // These also run under the CLI and in plain Node tests, where there is no Electron.
    files: ['electron/{pipeline,db,cli,services,logging}/**'],
    rules: noImportsFrom(restrict.electron, restrict.react, restrict.rendererFolder),
  },
);
