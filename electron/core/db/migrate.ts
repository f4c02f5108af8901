import { copyFileSync, existsSync } from 'node:fs'
import type { Db } from './open'
import { AppError } from '../../shared/errors'
import { MIGRATIONS, type Migration } from './migrations'

/** A portfolio written by a newer Skillfolio: refused, untouched. */
const dbTooNew = (found: number, latest: number) =>
  new AppError('DB_TOO_NEW', `This portfolio was saved by a newer version of Skillfolio (schema ${found}; this version knows up to ${latest}). Update Skillfolio to open it.`)

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function latestVersion(list: readonly Migration[] = MIGRATIONS): number {
  return list.at(-1)?.version ?? 0
}

export interface MigrateOptions {
  /** The database file, so it can be copied aside before an upgrade. Omit for in-memory databases. */
  file?: string
  /** Returns the ISO timestamp used in the backup file name. */
  now?: () => Date
  list?: readonly Migration[]
}

/**
 * Brings the database up to the newest schema. Each migration runs in its own
 * transaction together with its `user_version` bump, so a failure leaves the
 * database at the last good version. A database newer than the app is refused,
 * and an existing, non-empty file is copied aside before the first change.
 * Returns the backup path, if one was made.
 */
export function migrate(db: Db, options: MigrateOptions = {}): string | null {
  const list = options.list ?? MIGRATIONS
  assertStrictlyIncreasing(list)
  const current = schemaVersion(db)
  const latest = latestVersion(list)
  if (current > latest) throw dbTooNew(current, latest)
  if (current === latest) return null

  let backup: string | null = null
  if (current > 0 && options.file && existsSync(options.file)) {
    // Fold the WAL into the main file so the copy is complete on its own.
    db.pragma('wal_checkpoint(TRUNCATE)')
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-')
    backup = `${options.file}.v${current}-${stamp}.bak`
    copyFileSync(options.file, backup)
  }
  for (const m of list) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
  }
  return backup
}

function assertStrictlyIncreasing(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1 || (i > 0 && m.version <= list[i - 1]!.version))
      throw new Error(`Migration list is out of order at ${m.name} (version ${m.version})`)
  })
}
