// Lint rules, including the layering (rule `gloss/layers`, scripts/lint/layers-rule.js):
//   core domain folders and core/*.ts  →  never core/api, a host (cli, electron) or the renderer
//   core/api                           →  the domain, never a host or the renderer
//   cli/, electron/                    →  core, never each other or the renderer
//   renderer/                          →  only the pure core modules in RENDERER_MAY_IMPORT
// Only electron/ may import the electron package; the renderer imports no Node modules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import glossLint from './scripts/lint/layers-rule.js';

const electronOnly = {
  name: 'electron',
  message: 'Only electron/ may import electron (see docs/ARCHITECTURE.md).',
};

/**
 * The core modules the renderer may import: pure (no Node, no DOM parser), small, and needed on both
 * sides of the API. Anything else in core/ runs on a host and is reached through the API.
 */
export const RENDERER_MAY_IMPORT = [
  'core/model.ts',
  'core/errors.ts',
  'core/limits.ts',
  'core/stored-annotation.ts',
  'core/api/contract.ts',
  'core/api/client.ts',
  'core/api/reply.ts',
  'core/api/library-contract.ts',
  'core/api/annotation-contract.ts',
  'core/api/export-contract.ts',
  'core/api/interop-contract.ts',
  'core/api/analysis-contract.ts',
  'core/api/folder-browser-contract.ts',
  'core/analysis/report-types.ts',
  'core/analysis/set-types.ts',
  'core/analysis/autocode-types.ts',
  'core/analysis/scope-schema.ts',
  // The analysis charts (Observable Plot), drawn in the page as in the CLI.
  'core/charts/index.ts',
  'core/anchor/anchor.ts',
  'core/anchor/code-points.ts',
  'core/anchor/describe-range.ts',
  'core/anchor/snap-to-sentence.ts',
  'core/anchor/extend-to-words.ts',
  'core/clean/text-of-html.ts',
  'core/query/article-query.ts',
  'core/export/dated-file-name.ts',
  'core/query/category-tree.ts',
  'core/library/library-problems.ts',
  'core/messages/message-table.ts',
  'core/analysis/analysis-notes.ts',
  'core/settings/preferences.ts',
  'core/store/palette.ts',
  // Tables shared by the renderer and the desktop menu (keyboard shortcuts).
  'core/ui/',
];

const forbid = (path, message) => ({ path, message });
const noRenderer = forbid(
  'renderer/',
  'Only the renderer imports the renderer; others reach it through the API',
);
const noElectron = forbid('electron/', 'Only the desktop host imports electron/');
const noCli = forbid('cli/', 'Only the command line imports cli/');
const noTests = [
  forbid('tests/', 'Shipped code does not import tests'),
  forbid('bench/', 'Shipped code does not import the bench'),
];

/** The rule's options per part of the tree; a later entry replaces an earlier one for its files. */
const layers = [
  {
    files: ['core/**'],
    forbid: [
      forbid('core/api/', 'The core domain sits below core/api and may not import it'),
      noRenderer,
      noElectron,
      noCli,
      ...noTests,
    ],
  },
  { files: ['core/api/**'], forbid: [noRenderer, noElectron, noCli, ...noTests] },
  { files: ['cli/**'], forbid: [noRenderer, noElectron, ...noTests] },
  { files: ['electron/**'], forbid: [noRenderer, noCli, ...noTests] },
  {
    files: ['renderer/**'],
    forbid: [
      noElectron,
      noCli,
      ...noTests,
      {
        path: 'core/',
        except: RENDERER_MAY_IMPORT,
        message:
          'The renderer may import only the pure core modules listed in RENDERER_MAY_IMPORT (eslint.config.js)',
      },
    ],
  },
].map(({ files, forbid }) => ({ files, rules: { 'gloss/layers': ['error', { forbid }] } }));

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'node_modules/**',
      'bench/results/**',
      'bench/.cache/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [electronOnly] }],
      // Parsers of hostile files must name control characters (NUL, C0) in their patterns.
      'no-control-regex': 'off',
    },
  },
  { plugins: { gloss: glossLint } },
  ...layers,
  {
    files: ['electron/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // TanStack Virtual is fine without the React Compiler's memoization.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            electronOnly,
            ...['fs', 'path', 'os', 'child_process', 'http', 'crypto'].map((name) => ({
              name,
              message: 'The renderer runs in a sandbox: no Node modules.',
            })),
          ],
          patterns: [{ group: ['node:*'], message: 'The renderer runs in a sandbox: no Node modules.' }],
        },
      ],
    },
  },
);
