import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'

// The layering of DESIGN.md, enforced: a file's folder says where it may run.
const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url', 'util', 'stream']
const noNode = { group: NODE_BUILTINS, message: 'This folder runs in a browser too: no Node modules.' }
const noElectron = { name: 'electron', message: 'The core never imports Electron (DESIGN.md).' }

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src-main/core/model/**', 'src-main/core/api.ts', 'src-main/core/api-*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noNode, { group: ['**/store/**', '**/services/**', '**/sync/**', '**/dispatch', '**/app'], message: 'The model is common code: it may not depend on node-only parts of the core.' }] }],
    },
  },
  {
    // Data reaches the terminal only through cli/print.ts, which shows control characters as escapes.
    files: ['src-main/cli/**'],
    ignores: ['src-main/cli/print.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'stdout', message: 'Print through cli/print.ts: it escapes control characters in data.' },
        { object: 'process', property: 'stderr', message: 'Print through cli/print.ts: it escapes control characters in data.' },
      ],
    },
  },
  {
    files: ['src-renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            noNode,
            {
              regex: '^(\\.\\./)+src-main/(?!core/model(/|$)|core/api(-[a-z]+)?$)',
              message: 'The renderer may import from src-main only core/model and core/api (with its parts, api-*).',
            },
          ],
        },
      ],
    },
  },
)
