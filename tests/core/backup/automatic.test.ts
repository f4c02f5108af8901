import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCore } from '../../../electron/core/app'
import { expired } from '../../../electron/core/backup/retention'
import { restoreBackup } from '../../../electron/core/backup/restore'
import { openDatabase } from '../../../electron/core/db/open'
import { latestVersion, migrate, schemaVersion } from '../../../electron/core/db/migrate'
import { MIGRATIONS } from '../../../electron/core/db/migrations'
import { AppError } from '../../../electron/shared/errors'
import { testLog } from '../../helpers/core-log'
import { tempPortfolio } from '../../helpers/temp-portfolio'
import { portfolioContent } from './portfolio-content'

const day = (iso: string, n: number) => new Date(Date.parse(iso) + n * 86_400_000)

describe('daily backups and their retention', () => {
  it('keeps the newest of the last 7 days and of the last 4 weeks', () => {
    // Two a day for 40 days, 2026-10-01 (a Thursday) to 2026-11-09 (a Monday).
    const all = Array.from({ length: 80 }, (_, i) => ({ path: `b${i}`, createdAt: new Date(Date.parse('2026-10-01T06:00:00Z') + i * 43_200_000).toISOString() }))
    const gone = new Set(expired(all).map((b) => b.path))
    const kept = all.filter((b) => !gone.has(b.path)).map((b) => b.createdAt)
    expect(kept).toEqual([
      '2026-10-25T18:00:00.000Z', // Sunday: the newest of the week of 19 October
      '2026-11-01T18:00:00.000Z', // Sunday: the newest of the week of 26 October
      ...['03', '04', '05', '06', '07', '08', '09'].map((d) => `2026-11-${d}T18:00:00.000Z`), // the last 7 days (the weeks of 2 and 9 November among them)
    ])
  })

  it('makes one a day when the app opens, prunes old ones, and never prunes backups made on demand', async () => {
    let now = new Date('2026-10-01T09:00:00Z')
    const p = tempPortfolio({ now: () => now })
    try {
      const manual = await p.core.call('backup:create', {})
      for (let i = 0; i < 40; i++) {
        now = day('2026-10-01T09:00:00Z', i)
        expect(await p.core.backups.daily()).toMatchObject({ createdAt: now.toISOString() })
        // Opening again the same day makes none.
        now = new Date(now.getTime() + 3_600_000)
        expect(await p.core.backups.daily()).toBeNull()
      }
      const list = (await p.core.call('backup:list', {})).backups
      expect(list.filter((b) => b.reason === 'daily').map((b) => b.createdAt.slice(0, 10))).toEqual(
        ['09', '08', '07', '06', '05', '04', '03', '01'].map((d) => `2026-11-${d}`).concat('2026-10-25'),
      )
      expect(list.filter((b) => b.reason === 'manual').map((b) => b.path)).toEqual([manual.path])
    } finally {
      p.cleanup()
    }
  })

  it('runs in the background after opening when the shell asks for it', async () => {
    const p = tempPortfolio({ dailyBackupAfterMs: 0 })
    try {
      await expect.poll(async () => (await p.core.call('backup:list', {})).backups.map((b) => b.reason)).toEqual(['daily'])
    } finally {
      p.cleanup()
    }
  })
})

describe('the backup before a schema upgrade', () => {
  let dir: string
  let file: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skillfolio-premig-'))
    file = join(dir, 'portfolio.sqlite')
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  /** A version-5 portfolio with one credential, and optionally a backups folder setting. */
  function oldPortfolio(backupFolder?: string) {
    const db = openDatabase(file)
    migrate(db, { list: MIGRATIONS.filter((m) => m.version <= 5) })
    const at = '2025-01-01T00:00:00.000Z'
    db.prepare(`INSERT INTO credential (id, title, kind, created_at, updated_at) VALUES (1, 'SQL Basics', 'platform', ?, ?)`).run(at, at)
    if (backupFolder) db.prepare(`INSERT INTO setting (key, value) VALUES ('backupFolder', ?)`).run(JSON.stringify(backupFolder))
    db.close()
    return portfolioContent(file)
  }
  const open = () => createCore({ dbPath: file, dataDir: dir, now: () => new Date('2026-11-28T12:00:00Z'), log: testLog, version: '9.9.9' })

  it('is a full backup in the backups folder that restores the old version exactly', async () => {
    const before = oldPortfolio()
    const core = open()
    expect(schemaVersion(core.db)).toBe(latestVersion())
    expect(core.backupPath).toBe(join(dir, 'backups', 'portfolio-2026-11-28T12-00-00-000Z-before-upgrade-v5.sfbackup'))
    const summary = await core.call('backup:inspect', { path: core.backupPath! })
    expect(summary).toMatchObject({ reason: 'pre-migration', schemaVersion: 5, appVersion: '9.9.9', portfolio: 'portfolio.sqlite', counts: { credentials: 1 } })
    core.close()

    const elsewhere = join(dir, 'restored', 'portfolio.sqlite')
    await restoreBackup({ backupFile: core.backupPath!, dbPath: elsewhere })
    expect(portfolioContent(elsewhere)).toEqual(before)
  })

  it('goes into the folder the settings name', () => {
    const folder = join(dir, 'my backups')
    oldPortfolio(folder)
    const core = open()
    expect(basename(core.backupPath!)).toMatch(/-before-upgrade-v5\.sfbackup$/)
    expect(core.backupPath!.startsWith(folder)).toBe(true)
    core.close()
  })

  it('refuses the upgrade, leaving the portfolio at its version, when the backup cannot be written', () => {
    const blocker = join(dir, 'a file')
    writeFileSync(blocker, 'not a folder')
    const before = oldPortfolio(join(blocker, 'backups'))
    let error: unknown
    try {
      open().close()
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('IO')
    expect((error as AppError).message).toMatch(/^Could not write the backup /)
    expect(portfolioContent(file)).toEqual(before)
  })
})
