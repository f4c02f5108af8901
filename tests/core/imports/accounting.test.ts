/**
 * Every file of an import is accounted for (issue 10): imported + updated + duplicate + failed
 * = total, whatever happens to the portfolio while it runs. A full disk or a portfolio another
 * program keeps locked stops the batch with every file not written failed and the reason in
 * plain words; a batch whose program died is found at the next open and marked interrupted.
 */
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { hostname, tmpdir, uptime } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { tempPortfolio, type TempPortfolio } from '../../helpers/temp-portfolio'
import type { ImportProgress, ImportReport } from '../../../electron/shared/imports'
import { openDatabase } from '../../../electron/core/db/open'
import { migrate } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { createCore } from '../../../electron/core/app'
import { expectLoggedErrors, testLog } from '../../helpers/core-log'

let p: TempPortfolio
beforeEach(() => {
  p = tempPortfolio({ verifyWorkers: false })
})
afterEach(() => p.cleanup())

/** An Open Badges 2.0 assertion; `padding` makes its original take several database pages. */
function badge(n: number, padding = 0) {
  const assertion = {
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: `urn:uuid:acc-${n}`,
    recipient: { type: 'email', hashed: false, identity: 'maya@example.org' },
    issuedOn: '2024-05-01T00:00:00Z',
    verification: { type: 'HostedBadge' },
    badge: {
      type: 'BadgeClass',
      name: `Accounting badge ${n}`,
      description: `Badge ${n}. ${'Long description. '.repeat(padding)}`,
      issuer: { type: 'Profile', id: 'https://academy.example.org/issuer', name: 'Example Academy' },
    },
  }
  return { name: `badge-${n}.json`, base64: Buffer.from(JSON.stringify(assertion)).toString('base64') }
}

const sum = (c: ImportReport['counts']) => c.imported + c.updated + c.duplicate + c.failed

/** The equation, and one item per file. */
function expectAccounted(r: ImportReport): void {
  expect(sum(r.counts)).toBe(r.total)
  expect(r.processed).toBe(r.total)
  expect(r.items.map((i) => i.position)).toEqual(Array.from({ length: r.total }, (_, k) => k))
}

async function runImport(sources: Array<{ name: string; base64: string }>): Promise<ImportReport> {
  const { batchId } = await p.core.call('import:start', { sources })
  return p.core.call('import:status', { batchId, waitMs: 20_000 })
}

describe('how a batch ends', () => {
  it('is done when every file went in, failed when none did, and gives every file its own verdict', async () => {
    const events: ImportProgress[] = []
    p.core.onImportProgress((event) => events.push(event))
    const done = await runImport([badge(1), badge(2)])
    expect(done).toMatchObject({ state: 'done', stopReason: null, counts: { imported: 2, failed: 0 } })
    expectAccounted(done)
    // The window hears the end without asking.
    expect(events.at(-1)).toEqual({ batchId: done.batchId, state: 'done', total: 2, processed: 2, counts: done.counts })
    // A hosted Open Badge with no address to check it at: unverified, and the report says what was not checked.
    expect(done.items[0]).toMatchObject({ trust: 'unverified', headline: expect.stringMatching(/^Signature not checked: .*revocation not checked: online checks are off$/) })

    const failed = await runImport([{ name: 'notes.json', base64: Buffer.from('{"hello": "world"}').toString('base64') }])
    expect(failed).toMatchObject({ state: 'failed', counts: { failed: 1 } })
    expect(failed.items[0]).toMatchObject({ outcome: 'failed', trust: null, headline: null })
    expectAccounted(failed)
  })
})

describe('a full disk', () => {
  it('fails every file not written with "the disk is full", and leaves the portfolio as it was apart from the report', async () => {
    await runImport([badge(1)])
    const before = await p.core.call('credentials:list', {})
    const pages = p.core.db.pragma('page_count', { simple: true }) as number
    // SQLite answers SQLITE_FULL once the file would grow past this: room for the batch row, not for the originals.
    p.core.db.pragma(`max_page_count = ${pages + 2}`)

    const events: ImportProgress[] = []
    p.core.onImportProgress((event) => events.push(event))
    const report = await runImport(Array.from({ length: 20 }, (_, k) => badge(100 + k, 400)))
    expect(report.state).toBe('failed')
    expect(events.at(-1)).toMatchObject({ state: 'failed', total: 20, processed: 20, counts: { failed: 20 } })
    expect(report.stopReason).toBe('the disk is full')
    expect(report.total).toBe(20)
    expectAccounted(report)
    expect(report.counts.failed).toBe(20)
    for (const item of report.items) expect(item.reason).toBe('Not imported: the disk is full. Nothing of this file was saved.')
    expect(report.items[3]!.fileName).toBe('badge-103.json')
    expect(await p.core.call('credentials:list', {})).toEqual(before)

    // After a restart (with room again), the report is the same and the batch is not taken for interrupted.
    p.reopen()
    const again = await p.core.call('import:status', { batchId: report.batchId })
    expect(again).toMatchObject({ state: 'failed', stopReason: 'the disk is full', counts: report.counts })
    expect(again.items.map((i) => [i.fileName, i.reason])).toEqual(report.items.map((i) => [i.fileName, i.reason]))
  })
})

describe('a portfolio another program keeps locked', () => {
  it('fails the files with the busy reason instead of losing them, and writes the report down once the lock is gone', async () => {
    p.core.db.pragma('busy_timeout = 100') // the app waits 5 s; the test does not need to
    // Neither the end nor the state of the batch can be written while the lock is held: logged,
    // kept in memory, and written once the lock is gone.
    expectLoggedErrors(/^Recording how import batch \d+ ended failed: SqliteError: database is locked$/)
    expectLoggedErrors(/^Recording the state of import batch \d+ failed: SqliteError: database is locked$/)
    const files = Array.from({ length: 5 }, (_, k) => badge(200 + k))
    const { batchId } = await p.core.call('import:start', { sources: files })
    // Another program takes the write lock right after the batch started, and keeps it.
    const other = new Database(p.dbPath)
    other.exec('BEGIN IMMEDIATE')
    try {
      const report = await p.core.call('import:status', { batchId, waitMs: 20_000 })
      expect(report).toMatchObject({ state: 'failed', total: 5, stopReason: 'the portfolio is busy: another program kept it locked' })
      expectAccounted(report)
      expect(report.items.map((i) => i.fileName)).toEqual(files.map((f) => f.name))
      for (const item of report.items) expect(item.reason).toBe('Not imported: the portfolio is busy: another program kept it locked. Nothing of this file was saved.')
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    const written = await p.core.call('import:status', { batchId })
    p.reopen()
    const reopened = await p.core.call('import:status', { batchId })
    expect(reopened).toEqual(written)
    expect(reopened).toMatchObject({ state: 'failed', counts: { failed: 5 } })
    expect((await p.core.call('credentials:list', {})).total).toBe(0)
  })
})

describe('a batch whose program is gone', () => {
  /** A batch left running in the file by a program with this process id. */
  function leaveRunningBatch(pid: number): number {
    const db = p.core.db
    const boot = Math.round(Date.now() / 1000 - uptime())
    const id = Number(
      db.prepare(`INSERT INTO import_batch (source, started_at, total, state, owner_pid, owner_host, owner_boot, sources) VALUES ('cli', '2026-11-28T11:00:00.000Z', 3, 'running', ?, ?, ?, '[]')`)
        .run(pid, hostname(), boot).lastInsertRowid,
    )
    for (let k = 0; k < 3; k++) db.prepare('INSERT INTO import_file (batch_id, position, file_name, path) VALUES (?, ?, ?, ?)').run(id, k, `file-${k}.json`, `/nowhere/file-${k}.json`)
    db.prepare(`INSERT INTO import_item (batch_id, position, file_name, outcome, reason) VALUES (?, 0, 'file-0.json', 'failed', 'Not a badge.')`).run(id)
    return id
  }

  it('is marked interrupted at the next open, with the files it never reached failed', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid! // exited and reaped: no such process now
    const id = leaveRunningBatch(dead)
    p.reopen()
    const report = await p.core.call('import:status', { batchId: id })
    expect(report).toMatchObject({ state: 'interrupted', finishedAt: '2026-11-28T12:00:00.000Z', counts: { failed: 3 }, resumedBy: null })
    expectAccounted(report)
    expect(report.items.slice(1).map((i) => [i.fileName, i.reason])).toEqual([
      ['file-1.json', 'The import was interrupted (Skillfolio or the computer stopped) before this file was read.'],
      ['file-2.json', 'The import was interrupted (Skillfolio or the computer stopped) before this file was read.'],
    ])
    // Resuming it reads the two files again; they are gone, and the new batch says so.
    const { batchId } = await p.core.call('import:resume', { batchId: id })
    const resumed = await p.core.call('import:status', { batchId, waitMs: 20_000 })
    expect(resumed).toMatchObject({ state: 'failed', total: 2, resumedFrom: id, counts: { failed: 2 } })
    expect(resumed.items[0]!.reason).toMatch(/could not be found/)
    expect(await p.core.dispatch('import:resume', { batchId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/already resumed/) } })
  })

  it('is left running while the program that started it is alive (the app and the command line share the portfolio)', async () => {
    const id = leaveRunningBatch(process.ppid) // the test runner: alive
    p.reopen()
    expect(await p.core.call('import:status', { batchId: id })).toMatchObject({ state: 'running' })
    expect(await p.core.dispatch('import:undo', { batchId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await p.core.dispatch('import:resume', { batchId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('a portfolio from before import accounting', () => {
  it('gives finished batches the state their files show, and interrupts one left running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skillfolio-acc-'))
    try {
      const file = join(dir, 'portfolio.sqlite')
      const db = openDatabase(file)
      migrate(db, { list: MIGRATIONS.filter((m) => m.version <= 9) })
      const batch = db.prepare(`INSERT INTO import_batch (source, started_at, finished_at, total) VALUES ('drop', '2025-01-01T00:00:00Z', ?, ?)`)
      const item = db.prepare(`INSERT INTO import_item (batch_id, position, file_name, outcome, reason) VALUES (?, ?, ?, ?, ?)`)
      const clean = batch.run('2025-01-01T00:01:00Z', 1).lastInsertRowid
      item.run(clean, 0, 'a.json', 'duplicate', 'Already there.')
      const mixed = batch.run('2025-01-01T00:01:00Z', 2).lastInsertRowid
      item.run(mixed, 0, 'a.json', 'duplicate', 'Already there.')
      item.run(mixed, 1, 'b.txt', 'failed', 'Not a badge.')
      const crashed = batch.run(null, 2).lastInsertRowid
      item.run(crashed, 0, 'a.json', 'duplicate', 'Already there.')
      db.close()

      const core = createCore({ dbPath: file, dataDir: dir, now: () => new Date('2026-11-28T12:00:00Z'), log: testLog, verifyWorkers: false })
      try {
        const states = (await core.call('import:batches', {})).map((b) => [b.batchId, b.state])
        expect(states).toEqual([
          [Number(crashed), 'interrupted'],
          [Number(mixed), 'partial'],
          [Number(clean), 'done'],
        ])
        const interrupted = await core.call('import:status', { batchId: Number(crashed) })
        expectAccounted(interrupted)
        expect(interrupted.items[1]).toMatchObject({ fileName: 'file 2', outcome: 'failed' })
      } finally {
        core.close()
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
