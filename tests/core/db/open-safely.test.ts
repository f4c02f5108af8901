/**
 * Opening a portfolio safely (issue 10): a file that is not ours, is too new or is damaged is
 * refused or opened read-only, and is byte-for-byte the same afterwards; a new file opened by
 * many programs at once is created and migrated exactly once.
 */
import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore, isWriteChannel, type Core } from '../../../electron/core/app'
import { CHANNELS } from '../../../electron/shared/contract'
import { openDatabase } from '../../../electron/core/db/open'
import { APPLICATION_ID, latestVersion, migrate, schemaVersion } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { AppError } from '../../../electron/shared/errors'
import { expectLoggedErrors, testLog } from '../../helpers/core-log'

const root = resolve(__dirname, '../../..')
let dir: string
let file: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'skillfolio-open-'))
  file = join(dir, 'portfolio.sqlite')
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const open = (path = file) => createCore({ dbPath: path, dataDir: dir, now: () => new Date('2026-03-01T00:00:00Z'), log: testLog })
/** Byte 18 of the SQLite header: 1 for a rollback journal, 2 for WAL. */
const headerJournal = (path: string) => (readFileSync(path)[18] === 2 ? 'wal' : 'rollback')
const besides = (path: string) => readdirSync(dir).filter((f) => f !== 'portfolio.sqlite' && f.startsWith(path.split('/').pop()!))

function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the open to be refused')
}

describe('opening a portfolio', () => {
  it('stamps a new portfolio with Skillfolio\'s application_id, in WAL mode, at the latest schema', () => {
    const core = open(join(dir, 'new', 'folder', 'p.sqlite'))
    expect(core.readOnly).toBeNull()
    expect(core.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(core.db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000)
    expect(schemaVersion(core.db)).toBe(latestVersion())
    core.close()
  })

  it('stamps a portfolio made before application_id was used, keeping its data', async () => {
    const before = open()
    await before.call('skills:create', { name: 'SQL' })
    before.db.pragma('application_id = 0')
    before.close()
    const core = open()
    expect(core.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect((await core.call('skills:list', {})).items.map((s) => s.name)).toEqual(['SQL'])
    expect(core.backupPath).toBeNull() // nothing was upgraded
    core.close()
  })

  it('stamps the file with the first migration, so a portfolio at an older schema upgrades as ours', () => {
    const db = openDatabase(file)
    migrate(db, { list: MIGRATIONS.filter((m) => m.version <= 3) })
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
    const core = open()
    expect(schemaVersion(core.db)).toBe(latestVersion())
    expect(core.backupPath).toMatch(/-before-upgrade-v3\.sfbackup$/)
    core.close()
  })

  it('refuses a missing file without creating it or its folder when it must exist', () => {
    const missing = join(dir, 'typo', 'portfolio.sqlite')
    const error = refusal(() => createCore({ dbPath: missing, dataDir: join(dir, 'typo'), mustExist: true, log: testLog }))
    expect(error.code).toBe('NOT_FOUND')
    expect(error.message).toBe(`No portfolio at ${missing}.`)
    expect(existsSync(join(dir, 'typo'))).toBe(false)
  })
})

describe('another program\'s database', () => {
  it('is refused untouched: tables but no Skillfolio stamp', () => {
    const other = new Database(file)
    other.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('buy milk'), ('call Sam')`)
    other.close()
    const before = sha256(file)
    const error = refusal(() => open())
    expect(error.code).toBe('NOT_A_PORTFOLIO')
    expect(error.message).toBe(`${file} is not a Skillfolio portfolio (it is another program's database). Skillfolio left it unchanged.`)
    expect(sha256(file)).toBe(before)
    expect(headerJournal(file)).toBe('rollback')
    expect(besides(file)).toEqual([]) // no -wal, -shm, -journal or backup
    expect(readdirSync(dir)).toEqual(['portfolio.sqlite']) // no evidence folder either
  })

  it('is refused untouched: a foreign application_id, even on an empty file', () => {
    const other = new Database(file)
    other.pragma('application_id = 1234')
    other.close()
    const before = sha256(file)
    expect(refusal(() => open()).code).toBe('NOT_A_PORTFOLIO')
    expect(sha256(file)).toBe(before)
    expect(besides(file)).toEqual([])
  })

  it('is refused untouched: a schema version without Skillfolio\'s tables', () => {
    const other = new Database(file)
    other.exec('CREATE TABLE credential (id INTEGER PRIMARY KEY)')
    other.pragma('user_version = 3')
    other.close()
    const before = sha256(file)
    expect(refusal(() => open()).code).toBe('NOT_A_PORTFOLIO')
    expect(sha256(file)).toBe(before)
  })

  it('is refused untouched when it is not a database at all', () => {
    writeFileSync(file, 'name,notes\nSam,hello\n'.repeat(300))
    const before = sha256(file)
    const error = refusal(() => open())
    expect(error.code).toBe('NOT_A_PORTFOLIO')
    expect(error.message).toMatch(/not a database file/)
    expect(sha256(file)).toBe(before)
    expect(besides(file)).toEqual([])
  })
})

describe('a WAL-mode file that is refused', () => {
  it('gets no -wal or -shm files beside it: the header alone refuses it', () => {
    const db = openDatabase(file)
    migrate(db)
    db.pragma(`user_version = ${latestVersion() + 1}`)
    db.close()
    const newer = sha256(file)
    expect(refusal(() => open()).code).toBe('DB_TOO_NEW')
    expect(sha256(file)).toBe(newer)
    expect(besides(file)).toEqual([])

    rmSync(file)
    const other = new Database(file)
    other.pragma('journal_mode = WAL')
    other.exec(`CREATE TABLE notes (body TEXT)`)
    other.close()
    const foreign = sha256(file)
    expect(headerJournal(file)).toBe('wal')
    expect(refusal(() => open()).code).toBe('NOT_A_PORTFOLIO')
    expect(sha256(file)).toBe(foreign)
    expect(besides(file)).toEqual([])
  })
})

describe('a portfolio from a newer Skillfolio', () => {
  it('is refused before anything changes, even in rollback-journal mode (no switch to WAL)', () => {
    const db = openDatabase(file)
    migrate(db)
    db.pragma(`user_version = ${latestVersion() + 1}`)
    db.pragma('journal_mode = DELETE')
    db.close()
    expect(headerJournal(file)).toBe('rollback')
    const before = sha256(file)
    const error = refusal(() => open())
    expect(error.code).toBe('DB_TOO_NEW')
    expect(sha256(file)).toBe(before)
    expect(headerJournal(file)).toBe('rollback')
    expect(besides(file)).toEqual([])
  })
})

/**
 * A portfolio with enough credentials for several pages of the credential table, closed, with
 * the cell pointers of a page in the middle of that table overwritten.
 */
async function damagedPortfolio(): Promise<void> {
  const core = open()
  await core.call('profile:update', { fullName: 'Maya Okafor' })
  await core.call('skills:create', { name: 'SQL' })
  for (let i = 0; i < 120; i++) await core.call('credentials:create', { title: `Course ${i}`, kind: 'platform', description: `Notes ${i} `.repeat(60) })
  const pages = core.db.prepare(`SELECT pageno FROM dbstat WHERE name = 'credential' AND pagetype = 'leaf' ORDER BY pageno`).pluck().all() as number[]
  const pageSize = core.db.pragma('page_size', { simple: true }) as number
  core.close()
  expect(pages.length).toBeGreaterThan(4)
  expect(existsSync(`${file}-wal`)).toBe(false) // everything is in the main file
  const page = pages[Math.floor(pages.length / 2)]!
  const bytes = readFileSync(file)
  // A leaf page's cell pointers start after its 8-byte header: point them all past the page.
  bytes.fill(0xff, (page - 1) * pageSize + 8, (page - 1) * pageSize + 8 + 64)
  writeFileSync(file, bytes)
}

describe('a damaged portfolio', () => {
  it('opens read-only: reads answer, every change is refused with READ_ONLY, the file is unchanged', async () => {
    await damagedPortfolio()
    const check = new Database(file, { readonly: true })
    expect(check.pragma('quick_check', { simple: true })).not.toBe('ok')
    check.close()
    const before = sha256(file)

    let core: Core | undefined
    try {
      core = open()
      expect(core.readOnly).toMatchObject({ reason: 'damaged' })
      expect(core.readOnly!.message).toMatch(new RegExp(`^The portfolio at ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(SQLite reports: [^\\n]+\\)\\. Skillfolio opened it read-only`))
      expect(core.readOnly!.message).toMatch(/Restore a backup/)

      // Reads of sound pages work; a read that meets the damage fails as an answer, not a crash.
      expect((await core.call('profile:get', {})).fullName).toBe('Maya Okafor')
      expect((await core.call('skills:list', {})).items.map((s) => s.name)).toEqual(['SQL'])
      expectLoggedErrors(/^Unexpected error in credentials:list: SqliteError: database disk image is malformed/)
      const list = await core.dispatch('credentials:list', { limit: 200 })
      expect(list).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })

      const writes: Array<[string, unknown]> = [
        ['skills:create', { name: 'Python' }],
        ['credentials:create', { title: 'New course', kind: 'platform' }],
        ['profile:update', { fullName: 'Someone Else' }],
        ['settings:update', { onlineChecks: true }],
        ['app:loadDemo', {}],
        ['import:start', { sources: [{ path: join(root, 'tests/fixtures/importers/plain.png') }], origin: 'cli' }],
      ]
      for (const [channel, input] of writes) {
        const result = await core.dispatch(channel, input)
        expect(result, channel).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } })
        if (!result.ok) expect(result.error.message).toMatch(/damaged, so Skillfolio opened it read-only and did not save the change/)
      }
      await expect(core.call('skills:create', { name: 'Go' })).rejects.toMatchObject({ code: 'READ_ONLY' })
      expect(() => core!.services['skills:create']({ name: 'Rust' } as never)).toThrow(/read-only/)
      // The import wrote no evidence file; nothing was backed up or created beside the file.
      expect(existsSync(join(dir, 'evidence'))).toBe(false)
      expect(existsSync(join(dir, 'backups'))).toBe(false)
    } finally {
      core?.close()
    }
    expect(sha256(file)).toBe(before)

    // Still read-only on the next start.
    const again = open()
    expect(again.readOnly?.reason).toBe('damaged')
    again.close()
    expect(sha256(file)).toBe(before)
  })

  it('that needs an upgrade is refused (DAMAGED) and left unchanged', async () => {
    await damagedPortfolio()
    const db = new Database(file)
    db.pragma('user_version = 5') // as if saved by an older Skillfolio
    db.close()
    const before = sha256(file)
    const error = refusal(() => open())
    expect(error.code).toBe('DAMAGED')
    expect(error.message).toMatch(/is damaged .* cannot be upgraded\. Skillfolio left it unchanged/)
    expect(sha256(file)).toBe(before)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })

  it('is not upgraded by migrate(): the full integrity_check runs first, inside the lock', async () => {
    await damagedPortfolio()
    const raw = new Database(file)
    raw.pragma('user_version = 5')
    raw.close()
    const db = openDatabase(file)
    expect(() => migrate(db, { file })).toThrow(expect.objectContaining({ code: 'DAMAGED' }))
    expect(schemaVersion(db)).toBe(5)
    expect(db.inTransaction).toBe(false)
    db.close()
    expect(existsSync(join(dir, 'backups'))).toBe(false)
  })
})

describe('read-only services', () => {
  it('know every channel that reads: all others are refused up front on a read-only portfolio', () => {
    // A new channel lands in one list or the other here, on purpose.
    expect(CHANNELS.filter((c) => !isWriteChannel(c)).sort()).toEqual(
      [
        'app:about', 'app:info', 'backup:inspect', 'backup:list', 'certificates:read', 'exchange:exportAll', 'exchange:exportJsonResume', 'credentials:get', 'credentials:list', 'education:list', 'evidence:image', 'evidence:inferences',
        'experience:list', 'gap:analyze', 'gap:analyzeSkills', 'gap:costs', 'gap:profile', 'import:batches', 'import:status',
        'plans:get', 'plans:list', 'plans:suggest', 'postings:extract', 'profile:get', 'projects:get', 'projects:list', 'reminders:expiring',
        'report:render', 'resume:docx', 'resume:preview', 'resumes:get', 'resumes:list', 'roles:fit', 'roles:get', 'roles:list',
        'issuers:list', 'search:query', 'settings:get', 'share:bundle', 'skills:get', 'skills:list', 'skills:suggest', 'tags:pending', 'taxonomy:exportPack', 'taxonomy:sources',
      ].sort(),
    )
  })
})

describe('parallel first opens', () => {
  it('twenty programs opening one new file at once all succeed, and it is migrated once', async () => {
    const target = join(dir, 'shared', 'portfolio.sqlite')
    const script = join(dir, 'open-and-add.ts')
    writeFileSync(
      script,
      `import { createCore } from ${JSON.stringify(join(root, 'electron/core/app.ts'))}
const [file, name] = process.argv.slice(2)
const core = createCore({ dbPath: file!, dataDir: ${JSON.stringify(join(dir, 'shared'))}, log: (m, e) => console.error(m, e) })
core.call('skills:create', { name: name! }).then(
  () => core.close(),
  (error: unknown) => { console.error(error); process.exitCode = 1 },
)
`,
    )
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, ['--import', 'tsx', script, target, `Skill ${i + 1}`], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
          let stderr = ''
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
          child.on('close', (code) => done({ code, stderr }))
        }),
      ),
    )
    expect(runs.filter((r) => r.code !== 0)).toEqual([])
    const db = new Database(target, { readonly: true })
    expect(db.prepare('SELECT count(*) FROM skill').pluck().get()).toBe(20)
    expect(schemaVersion(db)).toBe(latestVersion())
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    db.close()
  }, 180_000)
})
