/**
 * Imports under real failures (issue 10), with `skillfolio` running as a child process the way
 * a user runs it (through tsx, from source):
 *
 * - killed (SIGKILL) at random points of a 500-file import, twenty times and more: the file is
 *   sound, nothing is half-written, nothing is left beside it, and the next open marks the
 *   batch interrupted with every file accounted for;
 * - an interrupted import resumed from the command line ends with every file imported;
 * - twenty `skillfolio add` running while an import runs: every file accounted for, no write lost.
 */
import Database from 'better-sqlite3'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bakePng } from '../../../electron/core/importers/bake'
import { createCore, type Core } from '../../../electron/core/app'
import type { ImportReport } from '../../../electron/shared/imports'
import { assertion, PLAIN_PNG } from '../../helpers/badges'
import { testLog } from '../../helpers/core-log'

const root = resolve(__dirname, '../../..')
const CLI = join(root, 'electron/cli/main.ts')
const FILES = 500
const KILLS = 20

let work: string
let badges: string
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'skillfolio-crash-'))
  badges = join(work, 'badges')
  mkdirSync(badges)
  const png = readFileSync(PLAIN_PNG)
  for (let n = 1; n <= FILES; n++)
    writeFileSync(join(badges, `badge-${String(n).padStart(3, '0')}.png`), bakePng(png, 'openbadges', JSON.stringify(assertion(5000 + n, `Crash badge ${n}`, { skills: ['SQL'] }))))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A fresh folder holding only the portfolio (the data folder of the command line is the database's folder). */
function portfolioDir(name: string): { dir: string; db: string } {
  const dir = join(work, name)
  mkdirSync(dir)
  return { dir, db: join(dir, 'portfolio.sqlite') }
}

function skillfolio(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SKILLFOLIO_DEBUG: '' } })
}

function finished(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Files the batch after `after` has written so far, read the way another program would (null before it exists). */
function recordedSoFar(db: string, after: number): number | null {
  if (!existsSync(`${db}-wal`)) return null
  let reader: Database.Database | undefined
  try {
    reader = new Database(db, { readonly: true, fileMustExist: true })
    const row = reader.prepare('SELECT (SELECT count(*) FROM import_item WHERE batch_id = b.id) AS n FROM import_batch b WHERE b.id > ? ORDER BY b.id DESC LIMIT 1').get(after) as { n: number } | undefined
    return row ? row.n : null
  } catch {
    return null // still being created or migrated
  } finally {
    reader?.close()
  }
}

/**
 * Kills `child` once its batch (the first after batch `after`) has written `target` files, plus
 * a few milliseconds to land inside a transaction as often as between two; `target` -1 kills it
 * while it starts up. Answers whether it was killed (it may have finished first).
 */
async function killAt(child: ChildProcess, db: string, target: number, exited: Promise<unknown>, after = 0): Promise<boolean> {
  let done = false
  void exited.then(() => (done = true))
  if (target < 0) {
    await sleep(Math.random() * 1500)
  } else {
    while (!done) {
      const n = recordedSoFar(db, after)
      if (n !== null && n >= target) break
      await sleep(5)
    }
    await sleep(Math.random() * 40)
  }
  if (done) return false
  return child.kill('SIGKILL')
}

const INTERRUPTED = 'The import was interrupted (Skillfolio or the computer stopped) before this file was read.'
const titlesIn = (core: Core) => core.db.prepare('SELECT title FROM credential').pluck().all() as string[]
const open = (dir: string, db: string): Core => createCore({ dbPath: db, dataDir: dir, log: testLog, verifyWorkers: false })
const sum = (c: ImportReport['counts']) => c.imported + c.updated + c.duplicate + c.failed

/** The file itself after a kill, before anything opens it as Skillfolio. */
function expectSoundFile(dir: string, db: string): void {
  const raw = new Database(db)
  try {
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(raw.pragma('foreign_key_check')).toEqual([])
  } finally {
    raw.close()
  }
  // Originals live in the portfolio: nothing beside it but SQLite's own files.
  const beside = readdirSync(dir).filter((f) => !/^portfolio\.sqlite(-wal|-shm)?$/.test(f))
  expect(beside).toEqual([])
}

/** What the next open finds: the batch ended, every file accounted for, every credential whole. */
async function expectAccountedBatch(core: Core, batchId: number): Promise<ImportReport> {
  const report = await core.call('import:status', { batchId })
  expect(report.state).not.toBe('running')
  expect(sum(report.counts)).toBe(report.total)
  expect(report.items.map((i) => i.position)).toEqual(Array.from({ length: report.total }, (_, k) => k))
  const credentials = core.db
    .prepare(
      `SELECT c.id, c.source_format, c.content_sha256,
         (SELECT count(*) FROM credential_verification v WHERE v.credential_id = c.id) AS checks,
         (SELECT count(*) FROM credential_evidence e WHERE e.credential_id = c.id AND e.sha256 = c.content_sha256) AS originals
       FROM credential c WHERE c.batch_id = ?`,
    )
    .all(batchId) as Array<{ id: number; source_format: string | null; content_sha256: string | null; checks: number; originals: number }>
  for (const c of credentials) {
    expect(c).toMatchObject({ source_format: 'ob2', checks: 1, originals: 1 })
    expect(core.evidence.get(c.content_sha256!).byteLength).toBeGreaterThan(0)
  }
  const imported = report.items.filter((i) => i.outcome === 'imported')
  expect(new Set(credentials.map((c) => `cred-${c.id}`))).toEqual(new Set(imported.map((i) => i.credentialId)))
  const exists = core.db.prepare('SELECT 1 FROM credential WHERE id = ?').pluck()
  for (const item of report.items) if (item.outcome !== 'failed') expect(exists.get(Number(item.credentialId!.slice('cred-'.length)))).toBe(1)
  return report
}

describe('an import killed at random points', () => {
  it(`leaves a sound portfolio every time, and the next open accounts for every file (${KILLS} kills)`, async () => {
    const { dir, db } = portfolioDir('killed')
    let kills = 0
    let lastBatch = 0
    const states = new Map<string, number>()
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 3; attempt++) {
      const child = skillfolio(['--db', db, 'import', badges])
      const exited = finished(child)
      const target = attempt % 10 === 9 ? -1 : Math.floor(Math.random() * FILES)
      const killed = await killAt(child, db, target, exited, lastBatch)
      const end = await exited
      if (!killed || end.signal !== 'SIGKILL') {
        expect(end.code, end.stderr).toBe(0)
      } else {
        kills++
      }
      if (!existsSync(db)) continue // killed before it created the file
      expectSoundFile(dir, db)

      const core = open(dir, db)
      try {
        const [latest] = await core.call('import:batches', { limit: 1 })
        if (!latest || latest.batchId === lastBatch) continue // killed before the batch started
        lastBatch = latest.batchId
        const report = await expectAccountedBatch(core, latest.batchId)
        states.set(report.state, (states.get(report.state) ?? 0) + 1)
        if (killed) expect(['interrupted', 'done']).toContain(report.state) // done: killed after its last file, before it said so
        // Every file is a good badge: a file failed only because the import stopped before it.
        for (const item of report.items.filter((i) => i.outcome === 'failed')) expect(item.reason).toBe(INTERRUPTED)
        // Undone, so the next run imports for real again (and undo works on an interrupted batch).
        await core.call('import:undo', { batchId: latest.batchId })
        expect((await core.call('credentials:list', {})).total).toBe(0)
      } finally {
        core.close()
      }
    }
    expect(kills).toBeGreaterThanOrEqual(KILLS)
    expect(states.get('interrupted') ?? 0).toBeGreaterThan(0)
  }, 300_000)
})

describe('an interrupted import', () => {
  it('is resumed from the command line and ends with every file imported', async () => {
    const { dir, db } = portfolioDir('resumed')
    const child = skillfolio(['--db', db, 'import', badges])
    const exited = finished(child)
    expect(await killAt(child, db, 200, exited)).toBe(true)
    await exited

    const core = open(dir, db)
    let interrupted: ImportReport
    try {
      const [latest] = await core.call('import:batches', { limit: 1 })
      interrupted = await expectAccountedBatch(core, latest!.batchId)
      expect(interrupted.state).toBe('interrupted')
      expect(interrupted.counts.imported).toBeGreaterThanOrEqual(200)
      expect(interrupted.counts.imported).toBeLessThan(FILES)
    } finally {
      core.close()
    }

    const text = await finished(skillfolio(['--db', db, 'import', '--resume', String(interrupted.batchId)]))
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toMatch(new RegExp(`${FILES - interrupted.counts.imported} credentials imported, 0 updated, 0 duplicates, 0 failed of ${FILES - interrupted.counts.imported} files \\(batch \\d+, done, `))
    expect(text.stdout).toMatch(new RegExp(`This import resumed batch ${interrupted.batchId}\\.`))
    expect(text.stdout).toMatch(/imported\s+badge-\d{3}\.png\s+Crash badge \d+\s+\(cred-\d+\)\s+· Unverified\n\s+Signature not checked/)

    const after = open(dir, db)
    try {
      const resumed = await after.call('import:status', { batchId: (await after.call('import:batches', { limit: 1 }))[0]!.batchId })
      expect(resumed).toMatchObject({ state: 'done', resumedFrom: interrupted.batchId, counts: { failed: 0 } })
      await expectAccountedBatch(after, resumed.batchId)
      expect(await after.call('import:status', { batchId: interrupted.batchId })).toMatchObject({ resumedBy: resumed.batchId })
      const titles = titlesIn(after)
      expect(new Set(titles).size).toBe(FILES)
      expect(titles).toHaveLength(FILES)
    } finally {
      after.close()
    }
    expectSoundFile(dir, db)
  }, 120_000)
})

describe('an import while other programs add to the portfolio', () => {
  it('accounts for every file and loses none of twenty parallel `skillfolio add`', async () => {
    const { dir, db } = portfolioDir('parallel')
    const core = open(dir, db)
    try {
      const adds = Array.from({ length: 20 }, (_, k) =>
        finished(skillfolio(['--db', db, 'add', 'credential', '--title', `Added by hand ${k + 1}`, '--kind', 'other', '--skills', 'SQL'])),
      )
      // Started once the first of them has written, so the others write while the import does.
      const addedByHand = core.db.prepare(`SELECT count(*) FROM credential WHERE title LIKE 'Added by hand %'`).pluck()
      while ((addedByHand.get() as number) === 0) await sleep(5)
      const { batchId } = await core.call('import:start', { sources: [{ path: badges }] })
      const runs = await Promise.all(adds)
      expect(runs.filter((r) => r.code !== 0).map((r) => r.stderr)).toEqual([])
      const report = await core.call('import:status', { batchId, waitMs: 30_000 })
      expect(report).toMatchObject({ state: 'done', total: FILES, counts: { imported: FILES, failed: 0 } })
      await expectAccountedBatch(core, batchId)
      const titles = titlesIn(core)
      expect(titles).toHaveLength(FILES + 20)
      for (let k = 1; k <= 20; k++) expect(titles).toContain(`Added by hand ${k}`)
    } finally {
      core.close()
    }
    expectSoundFile(dir, db)
  }, 180_000)
})
