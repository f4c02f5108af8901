/**
 * Backups of the open portfolio: on demand, the daily one with its retention, the list of the
 * backups folder, and a full check of any backup file. Restoring is not here: it needs the
 * portfolio closed (restore.ts).
 */
import { rmSync } from 'node:fs'
import { basename, isAbsolute, join } from 'node:path'
import { AbsoluteFolder, type BackupCreateInput, type BackupCreated, type BackupInspectInput, type BackupList, type BackupReason, type BackupSummary } from '../../shared/backup'
import { badInput } from '../../shared/errors'
import type { Db } from '../db/open'
import type { Logger } from '../log'
import type { SettingsService } from '../settings'
import { backupBeforeUpgrade, backupPortfolio } from './create'
import { backupFileName, defaultBackupFolder, listBackups } from './files'
import { inspectBackup } from './restore'
import { expired, hasDailyFor } from './retention'

export interface BackupsDeps {
  db: Db
  dbPath: string
  dataDir: string
  settings: SettingsService
  now: () => Date
  version: string
  log: Logger
  nativeBinding?: string | object
}

export function createBackups(deps: BackupsDeps) {
  const folder = () => deps.settings.get().backupFolder ?? defaultBackupFolder(deps.dataDir)

  async function create(input: BackupCreateInput = {}, reason: BackupReason = 'manual'): Promise<BackupCreated> {
    if (input.file !== undefined && !isAbsolute(input.file)) throw badInput('file: must be an absolute path', [{ path: 'file', message: 'must be an absolute path' }])
    const createdAt = deps.now()
    const path = input.file ?? join(input.folder ?? folder(), backupFileName(deps.dbPath, createdAt, reason, 0))
    return backupPortfolio(deps.db, { path, dbPath: deps.dbPath, reason, appVersion: deps.version, createdAt, ...(input.passphrase ? { passphrase: input.passphrase } : {}) }, deps.nativeBinding)
  }

  /** This portfolio's daily backups in the backups folder. */
  const dailies = () => listBackups(folder()).backups.filter((b) => b.reason === 'daily' && b.portfolio === basename(deps.dbPath))

  return {
    folder,
    create,
    list: (): BackupList => listBackups(folder()),
    inspect: (input: BackupInspectInput): Promise<BackupSummary> => inspectBackup(input.path, input.passphrase, deps.nativeBinding),
    /**
     * The daily backup: made when none exists yet for today, then retention (retention.ts)
     * removes the daily backups it no longer keeps. Answers the new backup, or null.
     */
    async daily(): Promise<BackupCreated | null> {
      if (hasDailyFor(dailies(), deps.now())) return null
      const made = await create({}, 'daily')
      for (const old of expired(dailies())) {
        try {
          rmSync(old.path, { force: true })
        } catch (error) {
          deps.log(`Could not remove the old backup ${old.path}`, error)
        }
      }
      return made
    },
  }
}
export type BackupsService = ReturnType<typeof createBackups>

/**
 * The backups folder as the portfolio's settings name it, read with plain SQL so that it works
 * on a portfolio of any schema version (it is called before an upgrade); else the default.
 */
export function configuredBackupFolder(db: Db, dataDir: string): string {
  try {
    const value = db.prepare(`SELECT value FROM setting WHERE key = 'backupFolder'`).pluck().get() as string | undefined
    const parsed = AbsoluteFolder.safeParse(value === undefined ? undefined : JSON.parse(value))
    if (parsed.success) return parsed.data
  } catch {
    // No setting table yet, or an unreadable value: the default.
  }
  return defaultBackupFolder(dataDir)
}

/** The hook the portfolio's opening calls before a schema upgrade (see db/migrate.ts). */
export function preUpgradeBackup(options: { dbPath: string; dataDir: string; version: string; now: () => Date }) {
  return (db: Db, fromVersion: number): string => {
    const createdAt = options.now()
    const path = join(configuredBackupFolder(db, options.dataDir), backupFileName(options.dbPath, createdAt, 'pre-migration', fromVersion))
    return backupBeforeUpgrade(db, { path, dbPath: options.dbPath, appVersion: options.version, createdAt })
  }
}
