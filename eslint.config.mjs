// Folder rules from ARCHITECTURE.md: core and shared never import electron; shared imports
// nothing from Node; the renderer reaches the app only through window.skillfolio (api.ts)
// and imports shared code for types and schemas only.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib']

/** Import groups core/pdf may not use, as written from electron/core/pdf/ or one folder below. */
const PDF_FORBIDDEN = {
  contract: ['**/shared/contract', '**/shared/contract.*', '**/shared/contract/**'],
  ...Object.fromEntries(
    ['analysis', 'resume', 'portfolio', 'imports', 'db'].map((dir) => [
      dir,
      [`**/core/${dir}`, `**/core/${dir}/**`, `../${dir}`, `../${dir}/**`, `../../${dir}`, `../../${dir}/**`],
    ]),
  ),
}
function pdfPurity() {
  return [
    {
      files: ['electron/core/pdf/**/*.ts', 'electron/core/docx/**/*.ts'],
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', {
          patterns: Object.entries(PDF_FORBIDDEN).map(([name, group]) => ({
            group,
            message: `core/pdf and core/docx are pure (ResumeDocument -> bytes) and never import ${name === 'contract' ? 'shared/contract' : `core/${name}`}.`,
          })),
        }],
      },
    },
  ]
}

/**
 * Channel names ('gap:analyze') are written in electron/shared (the contract) and in
 * electron/core/handlers only: services call each other as plain functions, so "go to
 * definition" lands on the implementation. Matches string literals and literal types.
 */
const NAMESPACES = 'app|credentials|projects|skills|profile|experience|education|search|import|evidence|settings|roles|postings|gap|plans|taxonomy|resume|report|resumes|tags|issuers|files'
const channelStrings = {
  files: ['electron/core/**/*.ts'],
  ignores: ['electron/core/handlers/**'],
  rules: {
    'no-restricted-syntax': ['error', {
      selector: `Literal[value=/^(${NAMESPACES}):[a-zA-Z]+$/]`,
      message: 'Channel names belong in electron/shared/contract and electron/core/handlers; call the service function instead (types: electron/shared/io.ts).',
    }],
  },
}

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
  // Migrations are frozen (ARCHITECTURE.md): a shipped migration carries its SQL as text and
  // imports nothing but the Db type, so a change to live code never changes an old migration.
  // The index may also import the migration files next to it. (This rule runs alongside the
  // core's no-restricted-imports above; tests/core/db/frozen-migrations.test.ts checks the same.)
  {
    files: ['electron/core/db/migrations/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '../open', allowTypeImports: true, message: 'A migration may import only the Db type (`import type { Db } from \'../open\'`).' }],
        patterns: [{ regex: '^(?!\\.\\./open$)', message: 'Migrations are frozen: write the SQL as text and import nothing from the live code.' }],
      }],
    },
  },
  {
    files: ['electron/core/db/migrations/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: '../open', allowTypeImports: true, message: 'The migration list may import only the Db type from ../open.' }],
        patterns: [{ regex: '^(?!\\.\\./open$|\\./\\d{4}_\\w+$)', message: 'The migration list imports the migrations next to it and nothing from the live code.' }],
      }],
    },
  },
  // core/pdf is pure: a ResumeDocument and fonts in, bytes out. It never imports the contract,
  // the services or the database. Files that still do are listed in PDF_LEGACY and exempted
  // from only the group they break, until they are moved out.
  ...pdfPurity(),
  channelStrings,
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
