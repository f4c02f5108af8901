/**
 * The command line opens portfolios safely (issue 10): commands that only read never create a
 * file or folder; another program's file, a newer portfolio and a damaged one given as --db are
 * refused or read without a single byte changing; twenty `skillfolio add` on a new file at once
 * all succeed.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../electron/core/app'
import { openDatabase } from '../../electron/core/db/open'
import { latestVersion, migrate } from '../../electron/core/db/migrate'
import { runIn, tempPortfolio, type TempPortfolio } from './harness'
import { testLog } from '../helpers/core-log'

const root = resolve(__dirname, '../..')
let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio()
})
afterEach(() => p.cleanup())

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')

describe('commands that only read', () => {
  const READERS: string[][] = [
    ['list', 'skills'],
    ['list', 'credentials', '--json'],
    ['show', 'skill-1'],
    ['search', 'sql'],
    ['info'],
    ['roles'],
    ['gap', '--role', 'data-analyst'],
    ['fit'],
    ['plan', '--role', 'data-analyst', '--hours-per-week', '5'],
    ['profile'],
    ['resumes'],
    ['resumes', 'list'],
    ['resume', '--out', 'resume.pdf'],
    ['report', '--role', 'data-analyst', '--out', 'report.pdf'],
    ['taxonomy', 'sources'],
    ['taxonomy', 'export', 'catalog', '--out', 'catalog.json'],
    ['evidence', 'inferred'],
  ]

  it('say "No portfolio at PATH" for a mistyped --db, creating neither the file nor its folder', async () => {
    const typo = join(p.dir, 'typo', 'portfolio.sqlite')
    for (const argv of READERS) {
      const r = await runIn(p.dir, {}, ['--db', 'typo/portfolio.sqlite', ...argv])
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.stderr, argv.join(' ')).toBe(`skillfolio: No portfolio at ${typo}.\n`)
      if (argv.includes('--json')) expect(r.json()).toEqual({ error: { code: 'NOT_FOUND', message: `No portfolio at ${typo}.` } })
    }
    expect(readdirSync(p.dir)).toEqual([])
  })

  it('say the same for $SKILLFOLIO_DB naming a file that does not exist, and for an empty file', async () => {
    expect((await p.run('list', 'skills')).stderr).toBe(`skillfolio: No portfolio at ${p.db}.\n`)
    expect(existsSync(p.db)).toBe(false)
    writeFileSync(p.db, '')
    expect((await p.run('info')).code).toBe(1)
    expect(readFileSync(p.db).length).toBe(0)
  })

  it('while commands that add create the portfolio (and its folder) as before', async () => {
    const r = await runIn(p.dir, {}, ['--db', 'new/portfolio.sqlite', 'add', 'skill', '--name', 'SQL'])
    expect(r.code).toBe(0)
    expect((await runIn(p.dir, {}, ['--db', 'new/portfolio.sqlite', 'list', 'skills', '--json'])).json<{ total: number }>().total).toBe(1)
    expect((await runIn(p.dir, {}, ['--db', 'other.sqlite', 'profile', 'set', '--name', 'Maya Okafor'])).code).toBe(0)
    expect(existsSync(join(p.dir, 'other.sqlite'))).toBe(true)
  })
})

describe('a file that is not a portfolio Skillfolio can change', () => {
  it('another program\'s database is refused by every command and left byte-identical', async () => {
    const other = new Database(p.db)
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('buy milk')`)
    other.close()
    const before = sha256(p.db)
    for (const argv of [['list', 'skills'], ['add', 'skill', '--name', 'SQL'], ['demo']]) {
      const r = await p.run(...argv, '--json')
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.stderr).toBe(`skillfolio: ${p.db} is not a Skillfolio portfolio (it is another program's database). Skillfolio left it unchanged.\n`)
      expect(r.json<{ error: { code: string } }>().error.code).toBe('NOT_A_PORTFOLIO')
    }
    expect(sha256(p.db)).toBe(before)
    expect(readdirSync(p.dir)).toEqual(['portfolio.sqlite'])
  })

  it('a portfolio from a newer Skillfolio in rollback-journal mode is refused before it is switched to WAL', async () => {
    const db = openDatabase(p.db)
    migrate(db)
    db.pragma(`user_version = ${latestVersion() + 1}`)
    db.pragma('journal_mode = DELETE')
    db.close()
    const before = sha256(p.db)
    for (const argv of [['info'], ['add', 'skill', '--name', 'SQL']]) {
      const r = await p.run(...argv)
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(/^skillfolio: This portfolio was saved by a newer version of Skillfolio/)
    }
    expect(sha256(p.db)).toBe(before)
    expect(readFileSync(p.db)[18]).toBe(1) // still a rollback journal
    expect(readdirSync(p.dir)).toEqual(['portfolio.sqlite'])
  })

  it('a damaged portfolio is read with a warning and refuses changes, byte-identical afterwards', async () => {
    const core = createCore({ dbPath: p.db, dataDir: p.dir, log: testLog })
    await core.call('skills:create', { name: 'SQL' })
    for (let i = 0; i < 120; i++) await core.call('credentials:create', { title: `Course ${i}`, kind: 'platform', description: `Notes ${i} `.repeat(60) })
    const pages = core.db.prepare(`SELECT pageno FROM dbstat WHERE name = 'credential' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[]
    const pageSize = core.db.pragma('page_size', { simple: true }) as number
    core.close()
    const page = pages[Math.floor(pages.length / 2)]!
    const bytes = readFileSync(p.db)
    bytes.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 72)
    writeFileSync(p.db, bytes)
    const before = sha256(p.db)

    const list = await p.run('list', 'skills', '--json')
    expect(list.code).toBe(0)
    expect(list.json<{ items: Array<{ name: string }> }>().items.map((s) => s.name)).toEqual(['SQL'])
    expect(list.stderr).toMatch(new RegExp(`^skillfolio: warning: The portfolio at ${p.db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(SQLite reports: .*\\)\\. Skillfolio opened it read-only`))

    for (const argv of [['add', 'skill', '--name', 'Python'], ['profile', 'set', '--name', 'X'], ['demo']]) {
      const r = await p.run(...argv, '--json')
      expect(r.code, argv.join(' ')).toBe(1)
      expect(r.json<{ error: { code: string } }>().error.code).toBe('READ_ONLY')
      expect(r.stderr).toMatch(/^skillfolio: This portfolio is damaged, so Skillfolio opened it read-only and did not save the change\./)
    }
    expect(sha256(p.db)).toBe(before)
  })
})

describe('parallel first opens', () => {
  it('twenty `skillfolio add` on one new file at once all succeed', async () => {
    const db = join(p.dir, 'fresh', 'portfolio.sqlite')
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron/cli/main.ts'), '--db', db, 'add', 'skill', '--name', `Skill ${i + 1}`], {
            cwd: root,
            env: { PATH: process.env.PATH, HOME: p.dir },
            stdio: ['ignore', 'ignore', 'pipe'],
          })
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
          child.on('close', (code) => done({ code, stderr }))
        }),
      ),
    )
    expect(runs.filter((r) => r.code !== 0)).toEqual([])
    const list = await runIn(p.dir, {}, ['--db', db, 'list', 'skills', '--limit', '100', '--json'])
    const names = list.json<{ items: Array<{ name: string }> }>().items.map((s) => s.name)
    expect(names.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Skill ${i + 1}`).sort())
  }, 180_000)
})
