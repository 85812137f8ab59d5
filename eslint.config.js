// Lint rules, including the layering: only electron/ may import electron; the renderer
// never imports Node or Electron; core/ stays host-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const electronOnly = {
  name: 'electron',
  message: 'Only electron/ may import electron (see docs/ARCHITECTURE.md).',
};

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
