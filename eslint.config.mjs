// Folder rules from ARCHITECTURE.md: core and shared never import electron; shared imports
// nothing from Node; the renderer reaches the app only through window.skillfolio (api.ts)
// and imports shared code for types and schemas only.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib']

export default tseslint.config(
  { ignores: ['out/**', 'tmp-scratch/**', 'node_modules/**', 'release/**', '.electron-native/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}', 'scripts/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', ...nodeBuiltins, 'better-sqlite3', 'react', 'react-dom'], message: 'electron/shared is pure TypeScript: no Node, DOM or Electron.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', '**/main/**', '**/preload/**', 'react', 'react-dom'], message: 'The core runs under plain Node and never imports electron or the shell.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [
        { group: ['/electron', ...nodeBuiltins, 'better-sqlite3', 'pdfkit'], message: 'The renderer has no Node access; call the core through api.ts.' },
        { group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**', '**/electron/cli/**'], message: 'The renderer may import electron/shared only.' },
      ] }],
    },
  },
  {
    files: ['tests/**/*.ts', 'electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
)
