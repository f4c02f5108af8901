/**
 * Migrations are frozen (ARCHITECTURE.md): a shipped migration carries its SQL as text and
 * imports nothing from the live code, so a later change to a service cannot change what an
 * old migration does. The only import a migration may have is the `Db` type; the index may
 * also import the migration files next to it.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const DIR = join(__dirname, '../../../electron/core/db/migrations')
const files = readdirSync(DIR).filter((f) => /\.[cm]?[jt]sx?$/.test(f)).sort()

interface Dependency {
  specifier: string
  typeOnly: boolean
  how: string
}

/** Every module the file reaches: imports, re-exports, `import x = require()`, `import()` and `require()`. */
function dependencies(file: string, code = readFileSync(join(DIR, file), 'utf8')): Dependency[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true)
  const found: Dependency[] = []
  const text = (node: ts.Node | undefined) => (node && ts.isStringLiteralLike(node) ? node.text : '<computed>')
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause
      // `import type { A }`, or `import { type A, type B }` with nothing but types (never a bare `import '…'`).
      const typeOnly =
        !!clause &&
        (clause.isTypeOnly ||
          (!clause.name && !!clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.length > 0 && clause.namedBindings.elements.every((e) => e.isTypeOnly)))
      found.push({ specifier: text(node.moduleSpecifier), typeOnly, how: 'import' })
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier) {
      found.push({ specifier: text(node.moduleSpecifier), typeOnly: node.isTypeOnly, how: 'export … from' })
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      found.push({ specifier: text(node.moduleReference.expression), typeOnly: node.isTypeOnly, how: 'import = require' })
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      found.push({ specifier: text(node.arguments[0]), typeOnly: false, how: node.expression.kind === ts.SyntaxKind.ImportKeyword ? 'import()' : 'require()' })
    } else if (ts.isImportTypeNode(node)) {
      const arg = node.argument
      found.push({ specifier: ts.isLiteralTypeNode(arg) ? text(arg.literal) : '<computed>', typeOnly: true, how: 'import() type' })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** A migration file's own module name, as the index imports it. */
const migrationModules = files.filter((f) => /^\d{4}_\w+\.ts$/.test(f)).map((f) => `./${f.replace(/\.ts$/, '')}`)

/** What the file may not import, as `how 'specifier'` lines. */
function forbidden(file: string, code?: string): string[] {
  return dependencies(file, code)
    .filter((d) => !(d.specifier === '../open' && d.typeOnly) && !(file === 'index.ts' && d.how === 'import' && migrationModules.includes(d.specifier)))
    .map((d) => `${d.how} '${d.specifier}'${d.typeOnly ? ' (type only)' : ''}`)
}

describe('migrations are frozen', () => {
  it('finds the migration files', () => {
    expect(migrationModules.length).toBeGreaterThanOrEqual(6)
    expect(files).toContain('index.ts')
  })

  for (const file of files) {
    it(`${file} imports nothing but the Db type${file === 'index.ts' ? ' and the migrations next to it' : ''}`, () => {
      expect(forbidden(file)).toEqual([])
    })
  }

  it('notices a migration that reaches live code, however it does it', () => {
    // Like the old 0003, which called the live search index to fill the new tables.
    const code = [
      `import type { Db } from '../open'`,
      `import { openDatabase } from '../open'`,
      `import { createSearchIndex } from '../../portfolio/search-index'`,
      `import type { Money } from '../../../shared/schemas'`,
      `export { nameKey } from '../../portfolio/text'`,
      `const later = () => import('../../skills/matcher')`,
      `const cjs = require('../statements')`,
      `type T = import('../../app').Core`,
    ].join('\n')
    expect(forbidden('0099_probe.ts', code)).toEqual([
      `import '../open'`,
      `import '../../portfolio/search-index'`,
      `import '../../../shared/schemas' (type only)`,
      `export … from '../../portfolio/text'`,
      `import() '../../skills/matcher'`,
      `require() '../statements'`,
      `import() type '../../app' (type only)`,
    ])
    expect(forbidden('0099_probe.ts', `import './0001_portfolio'`)).toEqual([`import './0001_portfolio'`])
    expect(forbidden('index.ts', `import * as m0001 from './0001_portfolio'\nimport type { Db } from '../open'`)).toEqual([])
  })
})
